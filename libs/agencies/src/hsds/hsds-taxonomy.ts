import { createHash } from 'node:crypto';
import { ServiceNeed } from '../taxonomy/service-need';

/**
 * Identifiers of the HSDS objects the hub derives (a service per agency, its phone, its areas…):
 * name-based UUIDs (RFC 4122 version 5) under the hub's own namespace, so every export names the
 * same object with the same id and an export imported back changes nothing.
 */
const NAMESPACE = Buffer.from('3b5c2d0e8a4f4e7b9c1d6a2f0e4b7c91', 'hex');

export function stableId(...parts: string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(parts.join('/')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The hub publishes its own service vocabulary as an HSDS taxonomy rather than guessing at a
 * crosswalk to AIRS/211 LA or Open Eligibility codes (licensed, and coarser or finer in places): a
 * 211 maps these 21 terms once, on its side. The URI is a stable URN, not a web address the hub
 * would have to keep serving; the version moves only if a term's meaning changes.
 */
export const HUB_TAXONOMY = {
  id: stableId('taxonomy', 'service-need'),
  name: 'Task Force Hub service needs',
  description:
    'The services anti-trafficking task force agencies offer and survivors need, as used for referrals in Task Force Hub.',
  uri: 'urn:task-force-hub:taxonomy:service-need',
  version: '1',
};

const TERM_NAMES: Record<ServiceNeed, string> = {
  CASE_MANAGEMENT: 'Case management',
  HOUSING_AND_SHELTER: 'Housing and shelter',
  FOOD_AND_SUSTENANCE: 'Food and sustenance',
  MEDICAL: 'Medical care',
  DENTAL: 'Dental care',
  MENTAL_HEALTH: 'Mental health',
  SUBSTANCE_USE_TREATMENT: 'Substance use treatment',
  SUPPORT_GROUPS: 'Support groups',
  LEGAL: 'Legal services',
  IMMIGRATION_LEGAL: 'Immigration legal services',
  INTERPRETATION_AND_TRANSLATION: 'Interpretation and translation',
  TRANSPORTATION: 'Transportation',
  EDUCATION_AND_LITERACY: 'Education and literacy',
  JOB_TRAINING_AND_EMPLOYMENT: 'Job training and employment',
  LIFE_SKILLS: 'Life skills',
  FINANCIAL_ASSISTANCE: 'Financial assistance',
  VICTIM_ADVOCACY: 'Victim advocacy',
  PUBLIC_BENEFITS_AND_CERTIFICATION: 'Public benefits and certification',
  FAMILY_REUNIFICATION: 'Family reunification',
  RETURN_AND_REINTEGRATION: 'Return and reintegration',
  EMERGENCY_RESPONSE: 'Emergency response',
};

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
  term_uri: string;
}

/** The HSDS taxonomy_term of one need: code = the enum value, id and URI derived from it. */
export function hsdsTerm(need: ServiceNeed): HsdsTaxonomyTerm {
  return {
    id: stableId('taxonomy', 'service-need', need),
    code: need,
    name: TERM_NAMES[need],
    description: `${TERM_NAMES[need]} (Task Force Hub service need ${need}).`,
    taxonomy: HUB_TAXONOMY.uri,
    taxonomy_id: HUB_TAXONOMY.id,
    language: 'en',
    term_uri: `${HUB_TAXONOMY.uri}:${need}`,
  };
}

export const HUB_TERMS: HsdsTaxonomyTerm[] = Object.values(ServiceNeed).map(hsdsTerm);

/** The need a term names: by code within the hub's taxonomy, or by the id the hub gives it. */
export function needOfTerm(term: {
  id?: unknown;
  code?: unknown;
  taxonomy_id?: unknown;
}): ServiceNeed | null {
  const byId = HUB_TERMS.find((known) => known.id === term.id);
  if (byId) return byId.code as ServiceNeed;
  const byCode = HUB_TERMS.find(
    (known) =>
      known.code === term.code && (term.taxonomy_id === undefined || term.taxonomy_id === HUB_TAXONOMY.id),
  );
  return byCode ? (byCode.code as ServiceNeed) : null;
}
