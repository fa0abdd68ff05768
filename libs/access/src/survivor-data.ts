/**
 * The survivor data classes of DESIGN.md §3 and the fields in each: what a consent grants,
 * field by field. The policy grants fields by class; the consents domain names its model fields
 * exactly so.
 */
export const DATA_CLASSES = ['IDENTITY', 'CONTACT', 'NEEDS', 'NARRATIVE', 'IMMIGRATION', 'HEALTH'] as const;
export type DataClassName = (typeof DATA_CLASSES)[number];

export const SURVIVOR_FIELDS_BY_CLASS: Readonly<Record<DataClassName, readonly string[]>> = {
  IDENTITY: ['givenName', 'familyName', 'aliases', 'dateOfBirth', 'gender'],
  CONTACT: ['phone', 'email', 'address', 'safeContact'],
  NEEDS: ['needs', 'preferredLanguage', 'interpreterNeeded'],
  NARRATIVE: ['situationSummary', 'caseNotes'],
  IMMIGRATION: ['immigrationStatus', 'immigrationDocuments'],
  HEALTH: ['medicalNotes', 'mentalHealthNotes', 'substanceUseNotes'],
};

export const SURVIVOR_PERSONAL_FIELDS: readonly string[] = DATA_CLASSES.flatMap(
  (c) => SURVIVOR_FIELDS_BY_CLASS[c],
);

/** The classes every field of which is among `fields` (what a list of visible fields discloses, by class). */
export function classesWithin(fields: readonly string[]): DataClassName[] {
  return DATA_CLASSES.filter((c) => SURVIVOR_FIELDS_BY_CLASS[c].every((field) => fields.includes(field)));
}

/** Visible wherever the record is: not personal (DESIGN.md §3). */
export const SURVIVOR_RECORD_FIELDS = [
  'id',
  'reference',
  'ownerAgencyId',
  'minor',
  'ageBand',
  'version',
  'createdAt',
  'updatedAt',
] as const;

export type Purpose = 'SERVICE' | 'INVESTIGATION';

/** Purpose of use is fixed by the reader's agency type (DESIGN.md §4). */
export function purposeOf(agencyType: string | null): Purpose {
  return agencyType === 'LAW_ENFORCEMENT' || agencyType === 'PROSECUTOR' ? 'INVESTIGATION' : 'SERVICE';
}

/** "Law enforcement": LE or prosecutor agencies, and anyone with the investigator role. */
export function isLawEnforcement(agencyType: string | null, roles: readonly string[]): boolean {
  return agencyType === 'LAW_ENFORCEMENT' || agencyType === 'PROSECUTOR' || roles.includes('investigator');
}
