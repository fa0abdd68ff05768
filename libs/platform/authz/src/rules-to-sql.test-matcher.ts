import { buildMongoQueryMatcher } from '@casl/ability';

/**
 * Test support only (not exported): a CASL conditions matcher that also understands $and/$or/$nor.
 * CASL's default matcher has none of them (it reads `{ $or: [...] }` as a field named "$or"); a matcher
 * built like this one yields the and/or/nor AST nodes rulesToSql translates, with @ucast/js semantics.
 */
interface CompoundNode<N> {
  value: N[];
}
interface InterpretContext<N> {
  interpret: (node: N, object: unknown) => boolean;
}

const compound = {
  type: 'compound' as const,
  validate(instruction: { name: string }, value: unknown) {
    if (!Array.isArray(value) || value.length === 0) {
      throw new Error(`"${instruction.name}" expects a non-empty array`);
    }
  },
};

const some = <N>(node: CompoundNode<N>, object: unknown, { interpret }: InterpretContext<N>) =>
  node.value.some((condition) => interpret(condition, object));

export const logicalMongoQueryMatcher = buildMongoQueryMatcher(
  { $and: compound, $or: compound, $nor: compound },
  {
    or: some,
    nor: <N>(node: CompoundNode<N>, object: unknown, context: InterpretContext<N>) =>
      !some(node, object, context),
  },
);
