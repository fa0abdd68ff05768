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
 * Personal fields never reach the logs. The process passes the names it knows to be personal
 * (the API: the survivor fields of the data-class table in `@hub/access`, so a field added to a
 * class is redacted without a second list); together with the input-carrying fields, each is
 * censored wherever it appears up to two levels deep in a logged object. Errors are reduced
 * before this by `serializeError`, which keeps none of these.
 */
export function personalFields(extra: readonly string[] = []): string[] {
  return [...new Set([...extra, ...INPUT_CARRYING_FIELDS])];
}

export function redactPaths(extraPersonalFields: readonly string[] = []): string[] {
  return [
    'req.headers.authorization',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    ...personalFields(extraPersonalFields).flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  ];
}
