import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A user the hub has seen in a verified token, acting for an agency (table `agency_user`). Written
 * by the admission of a request at most every few minutes per user; identity stays in Keycloak.
 */
@Entity({ name: 'agency_user' })
export class AgencyUserEntity {
  /** The token's `sub`. */
  @PrimaryColumn('text')
  userId: string;

  /** The row's own id: the users list's tie-breaker after the username. */
  @Column('uuid')
  id: string;

  @Column('uuid')
  agencyId: string;

  @Column('text')
  username: string;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  /** The hub's realm roles the last token carried. */
  @Column('text', { array: true })
  roles: string[];

  @Column('timestamptz')
  firstSeenAt: Date;

  @Column('timestamptz')
  lastSeenAt: Date;
}

/** A user an agency admin suspended in the hub (table `agency_user_suspension`); refused while it exists. */
@Entity({ name: 'agency_user_suspension' })
export class AgencyUserSuspensionEntity {
  @PrimaryColumn('text')
  userId: string;

  @PrimaryColumn('uuid')
  agencyId: string;

  @Column('timestamptz')
  suspendedAt: Date;

  @Column('text')
  suspendedBy: string;

  @Column('text')
  reason: string;
}
