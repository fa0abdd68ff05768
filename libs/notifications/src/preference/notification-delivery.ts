import { registerEnumType } from '@nestjs/graphql';

/** How a user hears of their agency's notifications beyond the hub itself. */
export enum NotificationDelivery {
  IN_APP_ONLY = 'IN_APP_ONLY',
  EMAIL_IMMEDIATE = 'EMAIL_IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
}
registerEnumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  description:
    "IN_APP_ONLY: in the hub only (the default). EMAIL_IMMEDIATE: each notification also by e-mail, at once. DAILY_DIGEST: one e-mail a day listing them. E-mail goes to the address in the user's token and never carries survivor personal data",
});
