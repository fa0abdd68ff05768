import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACT_PATHS } from './redaction';

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
  it('never writes credentials or personal fields', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer secret-token', cookie: 'sid=1' } },
        survivor: { givenName: 'Ana', familyName: 'Perez', dateOfBirth: '2001-02-03', reference: 'S-1' },
        input: { contact: { phone: '+1-555-0100', address: '1 Main St' } },
        variables: { anything: 'goes' },
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
    ]) {
      expect(text).not.toContain(secret);
    }
    // What is not personal stays readable.
    expect(text).toContain('S-1');
    expect(text).toContain('[REDACTED]');
  });
});
