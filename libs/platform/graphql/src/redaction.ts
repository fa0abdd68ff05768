import type { ApolloServerPlugin } from '@apollo/server';
import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * Field-level redaction: a model object carries the names of the fields the caller may not see
 * (their values are already null). When such a field is selected, the middleware records its
 * response path, and the plugin lists it in the response's `extensions.redactions` with the one
 * generic reason NOT_PERMITTED — never why (a reason must not reveal whether a consent exists).
 */
export const REDACTED_FIELDS = Symbol('hub.redactedFields');
export const REDACTION_REASON = 'NOT_PERMITTED';

export type Redactable = { [REDACTED_FIELDS]?: ReadonlySet<string> };

export function markRedacted<T extends object>(model: T, fields: Iterable<string>): T {
  const set = new Set(fields);
  if (set.size > 0) Object.defineProperty(model, REDACTED_FIELDS, { value: set, enumerable: false });
  return model;
}

export interface Redaction {
  path: (string | number)[];
  reason: typeof REDACTION_REASON;
}

const REDACTIONS = Symbol('hub.redactions');
type WithRedactions = { [REDACTIONS]?: Redaction[] };

function pathOf(info: GraphQLResolveInfo): (string | number)[] {
  const path: (string | number)[] = [];
  for (let node: GraphQLResolveInfo['path'] | undefined = info.path; node; node = node.prev)
    path.unshift(node.key);
  return path;
}

/** Attach to every personal field: `@Field({ middleware: [redactionMiddleware] })`. */
export const redactionMiddleware: FieldMiddleware = async (ctx: MiddlewareContext, next: NextFn) => {
  const source = ctx.source as Redactable;
  const redacted = source?.[REDACTED_FIELDS];
  if (redacted?.has(ctx.info.fieldName)) {
    const holder = (ctx.context as { req?: WithRedactions }).req ?? (ctx.context as WithRedactions);
    (holder[REDACTIONS] ??= []).push({ path: pathOf(ctx.info), reason: REDACTION_REASON });
    return null;
  }
  return next();
};

/** Adds `extensions.redactions` to responses in which a personal field was withheld. */
export const redactionsPlugin: ApolloServerPlugin<{ req?: WithRedactions }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const redactions = contextValue.req?.[REDACTIONS];
        if (!redactions?.length || response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, redactions };
      },
    };
  },
};
