import { SURVIVOR_PERSONAL_FIELDS } from '@hub/authz';

/**
 * Fields that can carry what a caller typed or what a statement bound, whatever the table:
 * credentials, GraphQL variables and request bodies, and the parts of a database error that
 * repeat bound values (TypeORM's `parameters` and `driverError`, pg's `detail` and `where`).
 */
const INPUT_CARRYING_FIELDS = [
  'password',
  'variables',
  'body',
  'parameters',
  'driverError',
  'detail',
  'where',
];

/**
 * Personal fields never reach the logs. The survivor fields come from the one data-class table
 * the policy grants by (`@hub/authz`), so a field added to a class is redacted without a second
 * list; anything personal is censored wherever it appears up to two levels deep in a logged
 * object. Errors are reduced before this by `serializeError`, which keeps none of these.
 */
export const PERSONAL_FIELDS: readonly string[] = [...SURVIVOR_PERSONAL_FIELDS, ...INPUT_CARRYING_FIELDS];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];
