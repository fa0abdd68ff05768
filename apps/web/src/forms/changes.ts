/**
 * Edits of a record as a form holds them (flat values: strings, booleans, lists): what the person
 * changed from the version they started from, and the same changes put onto someone else's newer
 * version after a CONFLICT, so a save never overwrites a change made meanwhile with a stale copy.
 */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `mine` that differ from `base`, in `mine`'s order. */
export function changedFields<T extends object>(base: T, mine: T): (keyof T)[] {
  return (Object.keys(mine) as (keyof T)[]).filter((field) => !same(base[field], mine[field]));
}

/** `theirs` with the fields I changed (from `base`) taken from `mine`: my edits on their version. */
export function reapplyChanges<T extends object>(theirs: T, mine: T, base: T): T {
  const merged = { ...theirs };
  for (const field of changedFields(base, mine)) merged[field] = mine[field];
  return merged;
}
