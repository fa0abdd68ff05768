import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  ColumnType,
  HSDS_3_0,
  HSDS_3_0_SCHEMA,
  HSDS_3_0_SCHEMA_ID,
  HSDS_OBJECTS,
  HsdsObject,
} from './hsds-3.0.schema';

export { HSDS_VERSION } from './hsds-3.0.schema';
export type { HsdsObject } from './hsds-3.0.schema';

// The hub's own schema uses standard keywords only: strict mode refuses any it would not check.
// Formats (uuid, uri, email, date-time) are checked; every problem is reported, not the first.
const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv, ['uuid', 'uri', 'email', 'date-time']);
ajv.addSchema(HSDS_3_0_SCHEMA);
function compile(object: HsdsObject): ValidateFunction {
  const validate = ajv.getSchema(`${HSDS_3_0_SCHEMA_ID}#/definitions/${object}`);
  if (!validate) throw new Error(`no HSDS 3.0 rules for ${object}`);
  return validate;
}
// Compiled when the module loads, so a schema strict mode refuses stops the app at boot, not an export.
const validators = Object.fromEntries(HSDS_OBJECTS.map((object) => [object, compile(object)])) as Record<
  HsdsObject,
  ValidateFunction
>;

/** A problem with an HSDS object: where (a JSON path under `at`) and why. */
export interface HsdsProblem {
  path: string;
  reason: string;
}

/** Validates one HSDS object against the HSDS 3.0 field rules; the problems found, none when valid. */
export function hsdsProblems(object: HsdsObject, value: unknown, at: string): HsdsProblem[] {
  const validate = validators[object];
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

/** One CSV table of the tabular form: its file, columns (the object's scalar fields in HSDS order) and types. */
export interface HsdsTable {
  object: HsdsObject;
  path: string;
  columns: { name: string; type: ColumnType }[];
}

/** The described object a nested field holds (e.g. service.phones → phone); null for scalars and unchecked objects. */
export function nestedObject(object: HsdsObject, field: string): HsdsObject | null {
  const rule = HSDS_3_0[object].fields[field];
  return rule && (rule.kind === 'one' || rule.kind === 'many') ? rule.object : null;
}

/** The tabular form of an object (HSDS "tabular data package"): scalar columns only, nesting becomes foreign keys. */
export function hsdsTable(object: HsdsObject): HsdsTable {
  const { file, fields } = HSDS_3_0[object];
  const columns: HsdsTable['columns'] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (field.kind === 'number') columns.push({ name, type: 'number' });
    else if (field.kind === 'string')
      columns.push({ name, type: field.column ?? (field.format === 'date-time' ? 'datetime' : 'string') });
  }
  return { object, path: file, columns };
}
