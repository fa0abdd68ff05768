import { ApolloLink } from '@apollo/client';
import { map } from 'rxjs';

/** One withheld field, as the API lists it in `extensions.redactions` (libs/platform/graphql/src/redaction.ts). */
export interface Redaction {
  path: (string | number)[];
  reason: string;
}

/**
 * Collects the redactions of the responses of one query. Passed in the query's `context`; the
 * link below fills it before the data reaches the component, so both come from the same response.
 */
export class RedactionSink {
  private paths = new Set<string>();

  record(redactions: unknown): void {
    const list = Array.isArray(redactions) ? (redactions as Redaction[]) : [];
    this.paths = new Set(list.filter((r) => Array.isArray(r?.path)).map((r) => key(r.path)));
  }

  /** True when the API withheld this field ("not shared with your agency"), not merely left it empty. */
  has(path: (string | number)[]): boolean {
    return this.paths.has(key(path));
  }
}

const key = (path: (string | number)[]) => path.join('.');

/** Hands each response's `extensions.redactions` to the operation's RedactionSink, if it has one. */
export const redactionsLink = new ApolloLink((operation, forward) =>
  forward(operation).pipe(
    map((result) => {
      const sink = operation.getContext()['redactions'];
      if (sink instanceof RedactionSink) sink.record(result.extensions?.['redactions']);
      return result;
    }),
  ),
);
