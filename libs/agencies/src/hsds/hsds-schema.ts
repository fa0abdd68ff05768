import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schema from './schema/3.0/service_with_definitions.json';

/** The HSDS version the hub speaks (the vendored schema's; see schema/3.0/README.md). */
export const HSDS_VERSION = '3.0';

/** The HSDS objects the hub exchanges, as named under the schema's `definitions` ("service" is its root). */
export type HsdsObject =
  | 'service'
  | 'organization'
  | 'service_at_location'
  | 'location'
  | 'address'
  | 'phone'
  | 'schedule'
  | 'service_area'
  | 'language'
  | 'contact'
  | 'attribute'
  | 'taxonomy_term'
  | 'taxonomy';

interface PropertySchema {
  type?: string;
  datapackage_type?: string;
  $ref?: string;
  items?: { $ref?: string };
}
interface ObjectSchema {
  path: string;
  properties: Record<string, PropertySchema>;
}

const definitions = schema.definitions as unknown as Record<string, ObjectSchema>;
const objectSchema = (object: HsdsObject): ObjectSchema =>
  object === 'service' ? (schema as unknown as ObjectSchema) : definitions[object];

// The HSDS schemas carry their own annotations (name, constraints, core, datapackage_metadata, …):
// not strict about unknown keywords; formats (uuid, uri, email, date-time) are checked.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(schema, 'hsds');
const validators = new Map<HsdsObject, ValidateFunction>();

/** A problem with an HSDS object: where (a JSON path under `at`) and why. */
export interface HsdsProblem {
  path: string;
  reason: string;
}

/** Validates one HSDS object against the published schema; the problems found, none when valid. */
export function hsdsProblems(object: HsdsObject, value: unknown, at: string): HsdsProblem[] {
  let validate = validators.get(object);
  if (!validate) {
    validate = ajv.getSchema(
      object === 'service' ? 'hsds' : `hsds#/definitions/${object}`,
    ) as ValidateFunction;
    validators.set(object, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => ({
    path: `${at}${jsonPointerToPath(error.instancePath)}`,
    reason: error.message ?? 'invalid',
  }));
}

/** `/phones/0/number` → `.phones[0].number`. */
function jsonPointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
}

/** One CSV table of the tabular form: its file, columns (the object's scalar fields in schema order) and types. */
export interface HsdsTable {
  object: HsdsObject;
  path: string;
  columns: { name: string; type: string }[];
}

/** The object a nested field holds, from the schema's `$ref` (e.g. service.phones → phone). */
export function nestedObject(object: HsdsObject, field: string): HsdsObject | null {
  const property = objectSchema(object).properties[field];
  const ref = property?.$ref ?? property?.items?.$ref;
  return ref ? (ref.replace('#/definitions/', '') as HsdsObject) : null;
}

/** The tabular form of an object (HSDS "tabular data package"): scalar columns only, nesting becomes foreign keys. */
export function hsdsTable(object: HsdsObject): HsdsTable {
  const { path, properties } = objectSchema(object);
  const columns = Object.entries(properties)
    .filter(([, property]) => property.type !== undefined && property.type !== 'array' && !property.$ref)
    .map(([name, property]) => ({ name, type: property.datapackage_type ?? property.type ?? 'string' }));
  return { object, path, columns };
}
