import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One user's choice of delivery in one agency (table `notification_preference`). */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  /** The identity provider's subject (`sub`): the hub knows users by token only. */
  @PrimaryColumn('text')
  userId: string;

  @PrimaryColumn('uuid')
  agencyId: string;

  /** NotificationDelivery. */
  @Column('text')
  delivery: string;

  /** The address the user's token carried when they chose e-mail; null for IN_APP_ONLY. */
  @Column('text', { nullable: true })
  email: string | null;

  @Column('timestamptz')
  updatedAt: Date;
}
