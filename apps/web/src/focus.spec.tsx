import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef } from 'react';
import { Link, MemoryRouter, Route, Routes, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useFocusMainOnNavigation } from './focus';

/** A header link outside the main region, and screens inside it, as in the app's layout. */
function Shell() {
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(main);
  return (
    <>
      <nav>
        <Link to="/">Home</Link> <Link to="/list">List</Link>
      </nav>
      <main tabIndex={-1} ref={main} data-testid="main">
        <Routes>
          <Route path="/" element={<Link to="/list">Open the list</Link>} />
          <Route path="/list" element={<List />} />
          <Route path="/form" element={<FocusesItsField />} />
          <Route path="/redirected" element={<p>Arrived</p>} />
        </Routes>
      </main>
    </>
  );
}

function List() {
  const navigate = useNavigate();
  return (
    <>
      <Link to="/form">A record</Link>
      <button type="button" onClick={() => void navigate('/redirected', { replace: true })}>
        Redirect
      </button>
    </>
  );
}

function FocusesItsField() {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  return <input aria-label="Field" ref={field} />;
}

describe('focus after moving to another screen', () => {
  it('goes to the main region when the link that had it is gone, or was outside it', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/']}>
        <Shell />
      </MemoryRouter>,
    );
    // The first screen keeps the page's own start.
    expect(document.body).toHaveFocus();
    await user.click(screen.getByRole('link', { name: 'Open the list' }));
    expect(screen.getByTestId('main')).toHaveFocus();
    await user.click(screen.getByRole('link', { name: 'Home' }));
    expect(screen.getByTestId('main')).toHaveFocus();
  });

  it('leaves it where a screen put it, and where it was after a redirect', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/list']}>
        <Shell />
      </MemoryRouter>,
    );
    await user.click(screen.getByRole('link', { name: 'A record' }));
    expect(screen.getByRole('textbox', { name: 'Field' })).toHaveFocus();

    await user.click(screen.getByRole('link', { name: 'List' }));
    const redirect = screen.getByRole('button', { name: 'Redirect' });
    redirect.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('Arrived')).toBeVisible();
    expect(screen.getByTestId('main')).not.toHaveFocus();
  });
});
