import type { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { isSafeText } from './safe-text';

const PROBLEM = 'contains a NUL character or an unpaired surrogate';

/**
 * Refuses an operation in which any string — an inline literal or a variable, at any depth of
 * input objects and lists — holds a NUL or an unpaired surrogate: BAD_USER_INPUT (HTTP 400)
 * once, here, before any resolver runs, instead of an SQL error from whichever field got it.
 */
export const safeTextPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const field = unsafeLiteral(document) ?? unsafeVariable(request.variables ?? {}, '$');
        if (field === null) return;
        throw new GraphQLError('Text input contains characters that cannot be stored', {
          extensions: {
            code: 'BAD_USER_INPUT',
            problems: [{ field, message: PROBLEM }],
            http: { status: 400 },
          },
        });
      },
    };
  },
};

/** The argument path of the first unsafe string literal in the document, or null. */
function unsafeLiteral(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node, _key, _parent, _path, ancestors) {
      if (found === null && !isSafeText(node.value)) found = argumentPath(ancestors);
    },
  });
  return found;
}

function argumentPath(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  const names = ancestors.flatMap((node) =>
    'kind' in node && (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD)
      ? [node.name.value]
      : [],
  );
  return names.join('.') || 'query';
}

/** The path of the first unsafe string among the variables (`$input.name`, `$ids.2`), or null. */
function unsafeVariable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsafeVariable(item, `${path}.${index}`);
      if (found !== null) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unsafeVariable(item, path === '$' ? `$${key}` : `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}
