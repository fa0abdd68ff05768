import { Button } from '@trussworks/react-uswds';
import { type ReactNode, useState } from 'react';
import { focusSoon } from '../focus';

/**
 * Which action's form is open among a set of buttons, one at a time: a record's "What you can do"
 * (`ActionPanel`), each break-glass use, each task-force member row, each consent. `button` and
 * `form` name the elements of an action (the button's id, for the focus; the form's id, which the
 * open button controls).
 */
export function useActionChoice<K extends string>(ids: {
  button: (action: K) => string;
  form: (action: K) => string;
}) {
  const [open, setOpen] = useState<K | null>(null);
  return {
    open,
    ids,
    /** Opens the action's form, or closes it when it is the one open. */
    toggle: (action: K) => setOpen((current) => (current === action ? null : action)),
    /** The form was cancelled: closed, and the focus back on the button that opened it. */
    cancel: (action: K) => {
      setOpen(null);
      focusSoon(ids.button(action));
    },
    /** The form went through: closed (the screen announces the result and moves the focus there). */
    close: () => setOpen(null),
  };
}

export type ActionChoice<K extends string> = ReturnType<typeof useActionChoice<K>>;

/**
 * The button that opens an action's form: pressed while it is open (`aria-expanded`), naming the
 * form it controls. `look`: outlined until pressed (the default), a link-like button in a table
 * row, or the secondary (red) button of an action that takes something back.
 */
export function ActionToggle<K extends string>(props: {
  choice: ActionChoice<K>;
  action: K;
  children: ReactNode;
  /** The button's accessible name where the text alone is ambiguous (one button per row). */
  name?: string;
  look?: 'outline' | 'row' | 'secondary';
}) {
  const { choice, action } = props;
  const open = choice.open === action;
  const look = props.look ?? 'outline';
  return (
    <Button
      type="button"
      id={choice.ids.button(action)}
      outline={look === 'outline' && !open}
      unstyled={look === 'row'}
      secondary={look === 'secondary'}
      aria-label={props.name}
      aria-expanded={open}
      aria-controls={open ? choice.ids.form(action) : undefined}
      onClick={() => choice.toggle(action)}
    >
      {props.children}
    </Button>
  );
}
