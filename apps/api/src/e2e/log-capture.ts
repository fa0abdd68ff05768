import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { TestHub } from '@hub/testing';

export type LogLine = Record<string, unknown> & { level: number; msg?: string };

/** The app's real JSON log, as pino writes it (startHub({ logDestination: capture.stream })). */
export class LogCapture {
  private text = '';
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, next) => {
      this.text += chunk.toString();
      next();
    },
  });

  /** Everything written so far, as written. */
  raw(): string {
    return this.text;
  }

  lines(): LogLine[] {
    return this.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** The lines of one request: bound to it by pino-http (`req.id`) or naming it (`requestId`). */
  linesOf(requestId: string): LogLine[] {
    return this.lines().filter(
      (line) =>
        line['requestId'] === requestId || (line['req'] as { id?: unknown } | undefined)?.id === requestId,
    );
  }
}

export const newRequestId = () => `test-${randomBytes(8).toString('hex')}`;

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: {
    data?: unknown;
    errors?: { message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }[];
  };
}

/** POST /graphql with a known request id (and optionally a token or an Accept header). */
export async function postGraphql(
  hub: TestHub,
  body: { query: string; variables?: Record<string, unknown> },
  options: { requestId: string; token?: string; accept?: string },
): Promise<RawResponse> {
  const call = request(hub.url)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('x-request-id', options.requestId);
  if (options.token) call.set('authorization', `Bearer ${options.token}`);
  if (options.accept) call.set('accept', options.accept);
  const response = await call.send(body);
  return {
    status: response.status,
    headers: response.headers as Record<string, string>,
    body: response.body as RawResponse['body'],
  };
}
