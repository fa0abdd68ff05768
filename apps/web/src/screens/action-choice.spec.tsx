import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActionToggle, useActionChoice } from './action-choice';

/** Two records, each with one action: the shape of a list of records (break-glass uses, members). */
function Records() {
  const choice = useActionChoice<string>({ button: (id) => `end-${id}`, form: (id) => `end-form-${id}` });
  return (
    <>
      {['r1', 'r2'].map((id) => (
        <section key={id}>
          <ActionToggle choice={choice} action={id} name={`End ${id}`}>
            End
          </ActionToggle>
          {choice.open === id && (
            <form id={`end-form-${id}`} aria-label={`Ending ${id}`}>
              <button type="button" onClick={() => choice.cancel(id)}>
                Cancel
              </button>
              <button type="button" onClick={choice.close}>
                Confirm
              </button>
            </form>
          )}
        </section>
      ))}
    </>
  );
}

describe('one action form open at a time (useActionChoice, ActionToggle)', () => {
  it('presses the button of the open form, names the form it controls, and opens one form at a time', async () => {
    const user = userEvent.setup();
    render(<Records />);
    const [first, second] = [
      screen.getByRole('button', { name: 'End r1' }),
      screen.getByRole('button', { name: 'End r2' }),
    ];
    expect([first.getAttribute('aria-expanded'), second.getAttribute('aria-expanded')]).toEqual([
      'false',
      'false',
    ]);
    expect(screen.queryByRole('form')).toBeNull();

    await user.click(first);
    expect(first).toHaveAttribute('aria-expanded', 'true');
    expect(first).toHaveAttribute('aria-controls', 'end-form-r1');
    expect(screen.getByRole('form', { name: 'Ending r1' })).toHaveAttribute('id', 'end-form-r1');

    await user.click(second);
    expect([first.getAttribute('aria-expanded'), second.getAttribute('aria-expanded')]).toEqual([
      'false',
      'true',
    ]);
    expect(first).not.toHaveAttribute('aria-controls');
    expect(screen.getAllByRole('form').map((form) => form.id)).toEqual(['end-form-r2']);

    // The open button again closes its form.
    await user.click(second);
    expect(screen.queryByRole('form')).toBeNull();
    expect(second).toHaveAttribute('aria-expanded', 'false');
  });

  it('gives the focus back to the button on cancel, and closes the form when it went through', async () => {
    const user = userEvent.setup();
    render(<Records />);
    const second = screen.getByRole('button', { name: 'End r2' });
    await user.click(second);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    await waitFor(() => expect(second).toHaveFocus());

    await user.click(second);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(second).toHaveAttribute('aria-expanded', 'false');
  });
});
