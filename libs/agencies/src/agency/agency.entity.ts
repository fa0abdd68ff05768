import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A member organisation and its directory entry (table `agency`). */
@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  type: string;

  @Column('text')
  jurisdiction: string;

  @Column('text')
  description: string;

  @Column('text', { array: true })
  services: string[];

  @Column('text', { array: true })
  languages: string[];

  @Column('text', { array: true })
  serviceAreas: string[];

  /** Lower-cased copies of serviceAreas: exact, case-insensitive matching with a GIN index. */
  @Column('text', { array: true })
  serviceAreaKeys: string[];

  @Column('text', { nullable: true })
  hours: string | null;

  @Column('text', { nullable: true })
  intakePhone: string | null;

  @Column('text', { nullable: true })
  intakeEmail: string | null;

  @Column('text', { nullable: true })
  website: string | null;

  /** The language of the e-mail the hub sends the agency (NOTIFICATION_LANGUAGES). */
  @Column('text')
  notificationLanguage: string;

  @Column('text', { nullable: true })
  addressStreet: string | null;

  @Column('text', { nullable: true })
  addressCity: string | null;

  @Column('text', { nullable: true })
  addressRegion: string | null;

  @Column('text', { nullable: true })
  addressPostalCode: string | null;

  @Column('boolean')
  acceptingReferrals: boolean;

  /** A shelter or safe house: its address never leaves the agency. */
  @Column('boolean')
  confidentialLocation: boolean;

  /** When the agency was taken off the hub (null: active); its rows stay, its users are refused. */
  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  @Column('text', { nullable: true })
  deactivatedBy: string | null;

  @Column('text', { nullable: true })
  deactivationReason: string | null;

  @Column('integer')
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
