import { registerEnumType } from '@nestjs/graphql';

export enum ReferralStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  ON_HOLD = 'ON_HOLD',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
  FAILED = 'FAILED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description:
    'EXPIRED is computed on read: SENT or ACKNOWLEDGED past the deadline, or its consent ended first',
});

export enum Urgency {
  EMERGENCY = 'EMERGENCY',
  URGENT = 'URGENT',
  ROUTINE = 'ROUTINE',
}
registerEnumType(Urgency, { name: 'Urgency' });

export enum ReferralKind {
  STANDARD = 'STANDARD',
  CHILD_SAFETY = 'CHILD_SAFETY',
}
registerEnumType(ReferralKind, {
  name: 'ReferralKind',
  description: 'CHILD_SAFETY: a mandatory report about a minor',
});

export enum DeclineReason {
  NO_CAPACITY = 'NO_CAPACITY',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  SERVICE_NOT_OFFERED = 'SERVICE_NOT_OFFERED',
  COULD_NOT_CONTACT = 'COULD_NOT_CONTACT',
  SURVIVOR_DECLINED = 'SURVIVOR_DECLINED',
  DUPLICATE = 'DUPLICATE',
  OTHER = 'OTHER',
  /** Set by the hub only: the receiving agency was deactivated and the referral handed back. */
  AGENCY_DEACTIVATED = 'AGENCY_DEACTIVATED',
}
registerEnumType(DeclineReason, {
  name: 'DeclineReason',
  valuesMap: {
    AGENCY_DEACTIVATED: {
      description:
        'Set by the hub only: the receiving agency was taken off the hub and the referral handed back',
    },
  },
});

export enum DeclinedBy {
  PROVIDER = 'PROVIDER',
  SURVIVOR = 'SURVIVOR',
}
registerEnumType(DeclinedBy, { name: 'DeclinedBy' });

export enum ReferralBox {
  RECEIVED = 'RECEIVED',
  SENT = 'SENT',
  NEEDS_ACTION = 'NEEDS_ACTION',
  DRAFTS = 'DRAFTS',
}
registerEnumType(ReferralBox, {
  name: 'ReferralBox',
  description:
    'RECEIVED: sent to my agency; SENT: sent by my agency; DRAFTS: my agency’s referrals never sent (in no other box); NEEDS_ACTION: received and waiting on my agency (SENT, ACKNOWLEDGED), or accepted / in progress past the deadline',
});
