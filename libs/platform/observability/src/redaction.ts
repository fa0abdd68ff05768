/**
 * Personal fields never reach the logs. Credentials are removed outright; anything that could
 * name or locate a survivor (DESIGN.md data classes) is censored wherever it appears one or two
 * levels deep in a logged object.
 */
export const PERSONAL_FIELDS = [
  'givenName',
  'familyName',
  'aliases',
  'dateOfBirth',
  'gender',
  'phone',
  'email',
  'address',
  'safeContact',
  'situationSummary',
  'caseNotes',
  'immigrationStatus',
  'healthNotes',
  'password',
  'variables',
];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];
