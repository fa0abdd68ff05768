/** What a request answered outside GraphQL execution carries (docs/errors.md): no `data`, one error. */
export interface GraphqlErrorBody {
  errors: [{ message: string; extensions: { code: string } & Record<string, unknown> }];
}

/**
 * The GraphQL error shape for every answer given before or outside GraphQL execution: a refused
 * token or caller, a spent request budget, a body that cannot be read (errors inside execution
 * are shaped by Apollo's formatError). It lives here, not in @hub/graphql, because the
 * authentication middleware answers first and @hub/graphql builds on this lib.
 */
export function graphqlErrorBody(
  message: string,
  code: string,
  extensions: Record<string, unknown> & { code?: never } = {},
): GraphqlErrorBody {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}
