import pino from 'pino';
import { Writable } from 'node:stream';
import { personalFields, redactPaths } from './redaction';

// What the API passes (the survivor fields of @hub/access's data-class table; the platform cannot
// import it, and apps/api's logging e2e test proves the API passes the real table).
const SURVIVOR_FIELDS_BY_CLASS = {
  IDENTITY: ['givenName', 'familyName', 'aliases', 'dateOfBirth', 'gender'],
  CONTACT: ['phone', 'email', 'address', 'safeContact'],
  NARRATIVE: ['situationSummary', 'caseNotes'],
  IMMIGRATION: ['immigrationStatus', 'immigrationDocuments'],
  HEALTH: ['medicalNotes', 'mentalHealthNotes', 'substanceUseNotes'],
};
const SURVIVOR_PERSONAL_FIELDS = Object.values(SURVIVOR_FIELDS_BY_CLASS).flat();
const PERSONAL_FIELDS = personalFields(SURVIVOR_PERSONAL_FIELDS);
const REDACT_PATHS = redactPaths(SURVIVOR_PERSONAL_FIELDS);

function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, next) {
      chunks.push(chunk.toString());
      next();
    },
  });
  const logger = pino({ redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } }, stream);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('log redaction', () => {
  it('redacts the fields the process names as personal, besides the input-carrying ones', () => {
    expect(PERSONAL_FIELDS).toEqual(
      expect.arrayContaining([...SURVIVOR_PERSONAL_FIELDS, 'password', 'variables']),
    );
    expect(personalFields()).not.toContain('givenName');
    expect(personalFields()).toEqual(expect.arrayContaining(['password', 'variables', 'parameters']));
  });

  it('censors each survivor field at the top and two levels down', () => {
    const { logger, lines } = capture();
    const survivor = Object.fromEntries(
      Object.values(SURVIVOR_FIELDS_BY_CLASS)
        .flat()
        .map((field) => [field, `value-of-${field}`]),
    );
    logger.info({ ...survivor, input: survivor, mutation: { input: survivor } }, 'survivor');
    const text = JSON.stringify(lines());
    expect(text).not.toMatch(/value-of-/);
  });

  it('never writes credentials, variables, bound parameters or personal fields', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer secret-token', cookie: 'sid=1' } },
        survivor: { givenName: 'Ana', familyName: 'Perez', dateOfBirth: '2001-02-03', reference: 'S-1' },
        input: { contact: { phone: '+1-555-0100', address: '1 Main St' } },
        variables: { anything: 'goes' },
        failure: {
          parameters: ['bound-value'],
          driverError: { detail: 'Key (x)=(keyed)' },
          detail: 'detailed',
        },
      },
      'request',
    );
    const text = JSON.stringify(lines());
    for (const secret of [
      'secret-token',
      'sid=1',
      'Ana',
      'Perez',
      '2001-02-03',
      '+1-555-0100',
      '1 Main St',
      'goes',
      'bound-value',
      'keyed',
      'detailed',
    ]) {
      expect(text).not.toContain(secret);
    }
    // What is not personal stays readable.
    expect(text).toContain('S-1');
    expect(text).toContain('[REDACTED]');
  });
});
