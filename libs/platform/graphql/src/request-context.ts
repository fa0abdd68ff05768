/**
 * graphql-js's context for every operation of the hub, over HTTP (`graphqlOptions`) and over
 * graphql-ws (`graphqlWsOptions`): the request, which carries the caller's access scope
 * (`accessOf`) and the request's loaders (`requestLoader`).
 *
 * A `@ResolveField` method written with graphql-js's own parameters — `(parent, args, context:
 * RequestContext, info)`, and no parameter decorator at all — is called by graphql-js directly:
 * Nest binds it as it is instead of wrapping each call in its execution context (parameter
 * factories, the global pipes on every parameter, the interceptor chain). A list calls its field
 * resolvers rows × fields times, so the fields of the hub's pages are written this way
 * (docs/benchmarks.md, "Issue 12: the inbox's API CPU"). One decorated parameter and Nest wraps
 * the method again, handing it only the decorated ones: all or none.
 */
export interface RequestContext {
  req: object;
}
