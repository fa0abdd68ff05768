import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsOptional,
  MaxLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { AgencyEntity } from '../agency/agency.entity';
import { AgencyChanges } from '../agency/agency.repository';
import {
  DirectoryDescription,
  DirectoryHours,
  DirectoryLanguages,
  DirectoryName,
  DirectoryPhone,
  DirectoryServiceAreas,
  DirectoryUrl,
} from '../taxonomy/directory-fields';
import { serviceAreaKey } from '../taxonomy/service-area';
import { ServiceNeed } from '../taxonomy/service-need';
import { HsdsProblem, hsdsProblems } from './hsds-schema';
import { needOfTerm } from './hsds-taxonomy';

type Json = Record<string, unknown>;

/**
 * What an import may change in an agency's directory entry: the fields the directory shows and an
 * HSDS file can say. Never the agency's type, jurisdiction, roles, status, notification language,
 * whether it accepts referrals, its confidential flag or its address (an export leaves confidential
 * addresses out, so importing addresses back would erase or expose them).
 */
export const IMPORTABLE_FIELDS = [
  'name',
  'description',
  'services',
  'languages',
  'serviceAreas',
  'hours',
  'intakePhone',
  'intakeEmail',
  'website',
] as const;
type Importable = (typeof IMPORTABLE_FIELDS)[number];

/** A list the document states (a list it leaves out stays as it is). */
const stated = ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** The same field rules as an agency's profile (directory-fields.ts), applied to what a row says. */
class ImportedEntry {
  @DirectoryName() name: string;
  @DirectoryDescription() description: string;
  @stated @IsEnum(ServiceNeed, { each: true }) @ArrayUnique() @ArrayMaxSize(30) services?: string[];
  @stated @DirectoryLanguages() languages?: string[];
  @stated @DirectoryServiceAreas() serviceAreas?: string[];
  @IsOptional() @DirectoryHours() hours?: string | null;
  @IsOptional() @DirectoryPhone() intakePhone?: string | null;
  @IsOptional() @IsEmail() @MaxLength(254) intakeEmail?: string | null;
  @IsOptional() @DirectoryUrl() website?: string | null;
}

export interface PlannedEntry {
  agency: AgencyEntity;
  changes: AgencyChanges;
  changedFields: Importable[];
}

export interface ImportPlan {
  entries: PlannedEntry[];
  problems: HsdsProblem[];
}

const MAX_PROBLEMS = 100;

/**
 * Reads an HSDS document (the JSON form the export writes: `organizations` and `services`) against
 * the task force's member agencies: each organization must be one of them (matched by id), each
 * with at most one service (its directory entry). The plan lists, per organization, what would
 * change; any problem anywhere (schema, a hub rule, an unknown organization) is listed with its
 * path, and then nothing may be applied. A field the document leaves out stays as it is.
 */
export function planImport(text: string, members: Map<string, AgencyEntity>): ImportPlan {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { entries: [], problems: [{ path: '$', reason: 'is not JSON' }] };
  }
  if (!isObject(document)) return { entries: [], problems: [{ path: '$', reason: 'must be an object' }] };
  const problems: HsdsProblem[] = [];
  const organizations = arrayAt(document, 'organizations', problems);
  const services = arrayAt(document, 'services', problems);
  organizations.forEach((o, i) => problems.push(...hsdsProblems('organization', o, `organizations[${i}]`)));
  services.forEach((s, i) => problems.push(...hsdsProblems('service', s, `services[${i}]`)));
  if (problems.length) return { entries: [], problems: problems.slice(0, MAX_PROBLEMS) };

  const entries: PlannedEntry[] = [];
  const seen = new Set<string>();
  const organizationIds = new Set(organizations.map((o) => o.id as string));
  services.forEach((service, k) => {
    if (!organizationIds.has(service.organization_id as string))
      problems.push({
        path: `services[${k}].organization_id`,
        reason: 'names no organization of the document',
      });
  });
  organizations.forEach((organization, i) => {
    const at = `organizations[${i}]`;
    const id = organization.id as string;
    const agency = members.get(id);
    if (seen.has(id)) return problems.push({ path: `${at}.id`, reason: 'appears twice' });
    seen.add(id);
    if (!agency) return problems.push({ path: `${at}.id`, reason: 'is not an agency of this task force' });
    const own = services.map((s, k) => [s, k] as const).filter(([s]) => s.organization_id === id);
    if (own.length > 1)
      return problems.push({
        path: `services[${own[1][1]}]`,
        reason: 'a second service of the organization (the hub keeps one directory entry per agency)',
      });
    const [service, k] = own[0] ?? [undefined, -1];
    const read = readEntry(organization, at, service, `services[${k}]`, problems);
    if (!read) return;
    const { values, paths } = read;
    const invalid = validateSync(plainToInstance(ImportedEntry, values));
    for (const error of invalid)
      problems.push({
        path: paths[error.property as Importable] ?? at,
        reason: Object.values(error.constraints ?? {})[0] ?? 'invalid',
      });
    if (!invalid.length) entries.push(diff(agency, values));
  });
  return { entries: problems.length ? [] : entries, problems: problems.slice(0, MAX_PROBLEMS) };
}

/** The hub's fields as the document states them (only those it states), with where each was read. */
function readEntry(
  organization: Json,
  at: string,
  service: Json | undefined,
  serviceAt: string,
  problems: HsdsProblem[],
): { values: Partial<Record<Importable, unknown>>; paths: Partial<Record<Importable, string>> } | null {
  const values: Partial<Record<Importable, unknown>> = {
    name: String(organization.name).trim(),
    description: String(organization.description).trim(),
  };
  const paths: Partial<Record<Importable, string>> = { name: `${at}.name`, description: `${at}.description` };
  if (!service) return { values, paths };
  const set = (field: Importable, path: string, value: unknown) => {
    if (value === undefined) return;
    values[field] = value;
    paths[field] = `${serviceAt}.${path}`;
  };
  const list = (key: string) => (Array.isArray(service[key]) ? (service[key] as Json[]) : undefined);
  set('website', 'url', optionalText(service.url));
  set('intakeEmail', 'email', optionalText(service.email));
  const phones = list('phones');
  set('intakePhone', 'phones[0].number', phones && optionalText(phones[0]?.number ?? null));
  const schedules = list('schedules');
  set('hours', 'schedules[0].description', schedules && optionalText(schedules[0]?.description ?? null));
  set(
    'languages',
    'languages',
    list('languages')?.map((l) => l.code),
  );
  set(
    'serviceAreas',
    'service_areas',
    list('service_areas')?.map((a) =>
      String(a.name ?? '')
        .trim()
        .replace(/\s+/g, ' '),
    ),
  );
  const attributes = list('attributes');
  if (attributes) {
    const needs: string[] = [];
    let known = true;
    attributes.forEach((attribute, j) => {
      const need = needOfTerm({
        id: attribute.taxonomy_term_id ?? (attribute.taxonomy_term as Json | undefined)?.id,
        ...(isObject(attribute.taxonomy_term) ? { code: attribute.taxonomy_term.code } : {}),
      });
      if (need) needs.push(need);
      else {
        known = false;
        problems.push({
          path: `${serviceAt}.attributes[${j}]`,
          reason: "names no term of the hub's service taxonomy (urn:task-force-hub:taxonomy:service-need)",
        });
      }
    });
    if (!known) return null;
    set('services', 'attributes', needs);
  }
  return { values, paths };
}

function diff(agency: AgencyEntity, values: Partial<Record<Importable, unknown>>): PlannedEntry {
  const changes: AgencyChanges = {};
  const changedFields: Importable[] = [];
  for (const field of IMPORTABLE_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    if (JSON.stringify(value) === JSON.stringify(agency[field])) continue;
    (changes as Record<string, unknown>)[field] = value;
    changedFields.push(field);
  }
  if (changes.serviceAreas) changes.serviceAreaKeys = [...new Set(changes.serviceAreas.map(serviceAreaKey))];
  return { agency, changes, changedFields };
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text field: trimmed, empty → null (cleared); a non-string is left for the validators to refuse. */
function optionalText(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return typeof value === 'string' ? value.trim() || null : value;
}

function arrayAt(document: Json, key: string, problems: HsdsProblem[]): Json[] {
  const value = document[key];
  if (!Array.isArray(value)) {
    problems.push({ path: key, reason: 'must be an array' });
    return [];
  }
  return value as Json[];
}
