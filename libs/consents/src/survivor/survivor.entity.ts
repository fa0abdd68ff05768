import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface SafeContactData {
  safeTimes: string | null;
  safeMethod: string | null;
  doNotContact: boolean;
}

export interface NeedData {
  need: string;
  priority: string;
}

/** A survivor record, owned by the agency that created it (table `survivor`). */
@Entity({ name: 'survivor' })
export class SurvivorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  reference: string;

  @Column('uuid')
  ownerAgencyId: string;

  @Column('boolean')
  minor: boolean;

  @Column('text', { nullable: true })
  givenName: string | null;

  @Column('text', { nullable: true })
  familyName: string | null;

  @Column('text', { array: true })
  aliases: string[];

  /** ISO date (YYYY-MM-DD); kept as text so no time zone can shift it. */
  @Column('date', { nullable: true })
  dateOfBirth: string | null;

  @Column('text', { nullable: true })
  gender: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('jsonb', { nullable: true })
  safeContact: SafeContactData | null;

  @Column('jsonb')
  needs: NeedData[];

  @Column('text', { nullable: true })
  preferredLanguage: string | null;

  @Column('boolean', { nullable: true })
  interpreterNeeded: boolean | null;

  @Column('text', { nullable: true })
  situationSummary: string | null;

  @Column('text', { nullable: true })
  caseNotes: string | null;

  @Column('text', { nullable: true })
  immigrationStatus: string | null;

  @Column('text', { nullable: true })
  immigrationDocuments: string | null;

  @Column('text', { nullable: true })
  medicalNotes: string | null;

  @Column('text', { nullable: true })
  mentalHealthNotes: string | null;

  @Column('text', { nullable: true })
  substanceUseNotes: string | null;

  @Column('text')
  createdBy: string;

  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}

/** The personal columns, in the model's names (what create/update may set). */
export type SurvivorPersonalData = Pick<
  SurvivorEntity,
  | 'givenName'
  | 'familyName'
  | 'aliases'
  | 'dateOfBirth'
  | 'gender'
  | 'phone'
  | 'email'
  | 'address'
  | 'safeContact'
  | 'needs'
  | 'preferredLanguage'
  | 'interpreterNeeded'
  | 'situationSummary'
  | 'caseNotes'
  | 'immigrationStatus'
  | 'immigrationDocuments'
  | 'medicalNotes'
  | 'mentalHealthNotes'
  | 'substanceUseNotes'
>;
