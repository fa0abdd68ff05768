import { useState } from 'react';
import { focusSoon } from '../focus';
import { errorCode } from '../graphql/errors';
import { reapplyChanges } from './changes';

/**
 * Editing a record with the version the person read, the one way every edit screen does it. After a
 * CONFLICT (`conflicted`), the form closes and their version is shown (forms/conflict-review.tsx);
 * the person re-applies their own changes onto it or keeps theirs, and the form opens again on it,
 * so the next save carries their version. `reapply` defaults to the flat field-by-field merge.
 * `headingId`: the form's heading (focusable), where the focus goes when the form opens again — the
 * warning and its buttons are gone, and the person reviews the form from its top.
 */
export function useVersionedEdit<R, V extends object>(options: {
  valuesOf: (record: R) => V;
  reapply?: (theirs: V, mine: V, started: V) => V;
  headingId?: string;
}) {
  const { valuesOf, reapply = reapplyChanges, headingId } = options;
  // The version the edits are made on, once it is no longer the one first loaded.
  const [base, setBase] = useState<R | null>(null);
  // `started`: the version my edits were made on (the query's data moves on to theirs when reloaded).
  const [conflict, setConflict] = useState<{ started: R; theirs: R; mine: V } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [formValues, setFormValues] = useState<V | null>(null);
  const resume = (values: V, theirs: R) => {
    setFormValues(values);
    setBase(theirs);
    setConflict(null);
    setFormKey((key) => key + 1);
    if (headingId) focusSoon(headingId);
  };
  const conflicted = (started: R, theirs: R, mine: V) => setConflict({ started, theirs, mine });
  return {
    /** The record being edited: the loaded one, or the version chosen after a conflict. */
    record: (loaded: R) => base ?? loaded,
    /** What the form starts from (remount it with `formKey`). */
    initial: (record: R) => formValues ?? valuesOf(record),
    formKey,
    conflict,
    /**
     * Saves `values`, edited from `record`: nothing changed → `leave(false)`; else `send` (with the
     * record's version), then `leave(true)`; on CONFLICT their version is reloaded for review. Any
     * other refusal is the form's to show.
     */
    save: async (options: {
      record: R;
      values: V;
      changes: object;
      send: () => Promise<unknown>;
      leave: (saved: boolean) => void | Promise<void>;
      reload: () => Promise<R | undefined>;
    }) => {
      if (Object.keys(options.changes).length === 0) {
        await options.leave(false);
        return;
      }
      try {
        await options.send();
      } catch (caught) {
        if (errorCode(caught) !== 'CONFLICT') throw caught;
        conflicted(options.record, (await options.reload()) ?? options.record, options.values);
        return;
      }
      await options.leave(true);
    },
    reapplyMine: () => {
      if (conflict)
        resume(
          reapply(valuesOf(conflict.theirs), conflict.mine, valuesOf(conflict.started)),
          conflict.theirs,
        );
    },
    keepTheirs: () => {
      if (conflict) resume(valuesOf(conflict.theirs), conflict.theirs);
    },
  };
}

/** What `useVersionedEdit` gives an edit screen (and `VersionedEditBody`, which draws it). */
export type VersionedEdit<R, V extends object> = ReturnType<typeof useVersionedEdit<R, V>>;
