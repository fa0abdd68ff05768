import pino from 'pino';
import { Writable } from 'node:stream';
import { SURVIVOR_FIELDS_BY_CLASS, SURVIVOR_PERSONAL_FIELDS } from '@hub/authz';
import { PERSONAL_FIELDS, REDACT_PATHS } from './redaction';

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
  it('redacts every field of every survivor data class (the policy table, not a copy)', () => {
    expect(PERSONAL_FIELDS).toEqual(expect.arrayContaining([...SURVIVOR_PERSONAL_FIELDS]));
    expect(PERSONAL_FIELDS).toEqual(
      expect.arrayContaining([
        'medicalNotes',
        'mentalHealthNotes',
        'substanceUseNotes',
        'immigrationDocuments',
      ]),
    );
    expect(PERSONAL_FIELDS).not.toContain('healthNotes');
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
