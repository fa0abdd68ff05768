import type { AnyAbility } from '@casl/ability';
import { Action, AppAbility, PolicyRecords, SubjectName, subject } from './subjects';

/**
 * Per ability (one per request) and action and subject type: the record fields the rules'
 * conditions read (null: a condition the projection cannot follow, so no memo), and the answers
 * given so far by record as those rules see it.
 */
interface Memo {
  conditionFields: string[] | null;
  answers: Map<string, string[]>;
}
const memos = new WeakMap<AnyAbility, Map<string, Memo>>();

/** Answers kept per ability and kind: a request sees few kinds of record; a bound keeps a hostile one small. */
const MAX_ANSWERS = 1_000;

function memoOf(ability: AppAbility, action: Action, type: SubjectName): Memo {
  let byKind = memos.get(ability);
  if (!byKind) {
    byKind = new Map();
    memos.set(ability, byKind);
  }
  const kind = `${action} ${type}`;
  let memo = byKind.get(kind);
  if (!memo) {
    const fields = new Set<string>();
    let followable = true;
    // Every rule that could decide a field of this kind, `cannot` rules naming fields included.
    for (const rule of ability.possibleRulesFor(action, type)) {
      for (const key of Object.keys(rule.conditions ?? {})) {
        if (key.startsWith('$')) followable = false;
        fields.add(key);
      }
    }
    memo = { conditionFields: followable ? [...fields].sort() : null, answers: new Map() };
    byKind.set(kind, memo);
  }
  return memo;
}

/**
 * The fields of `fields` the caller may `action` on this record — exactly
 * `fields.filter((field) => ability.can(action, subject(type, record), field))` — judged once per
 * request for each distinct record as the policy's conditions see it (the record projected onto
 * the fields its rules read: for a survivor, owner, minor, live grants and shared classes), so a
 * page of rows costs the distinct kinds of record among them, not rows × fields × rules.
 */
export function permittedFields<K extends SubjectName>(
  ability: AppAbility,
  action: Action,
  type: K,
  record: PolicyRecords[K],
  fields: readonly string[],
): string[] {
  const judge = () => {
    const tagged = subject(type, record) as unknown as Parameters<AppAbility['can']>[1];
    return fields.filter((field) => ability.can(action, tagged, field));
  };
  const memo = memoOf(ability, action, type);
  if (!memo.conditionFields) return judge();
  const seen = record as Record<string, unknown>;
  // A missing property and a null one differ to CASL ($exists), so they differ in the key too.
  const key = JSON.stringify([
    fields,
    memo.conditionFields.map((field) => (Object.hasOwn(seen, field) ? [seen[field]] : 0)),
  ]);
  let answer = memo.answers.get(key);
  if (!answer) {
    answer = judge();
    if (memo.answers.size < MAX_ANSWERS) memo.answers.set(key, answer);
  }
  return [...answer];
}
