import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef, useState } from 'react';
import { Link, MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useAnnouncement, useArrival, useFocusMainOnNavigation } from './focus';
import { Announcement } from './notice';

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

/** A screen that loads before it shows its result, as the record screens do after a change. */
function Announcing(props: { initial: string | null }) {
  const flash = useAnnouncement<string>(props.initial);
  const [loaded, setLoaded] = useState(false);
  const [, setRenders] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setLoaded(!loaded)}>
        Toggle loaded
      </button>
      <button type="button" onClick={() => setRenders((count) => count + 1)}>
        Render again
      </button>
      <button type="button" onClick={() => flash.announce('Saved')}>
        Save
      </button>
      {loaded && <Announcement of={flash}>{(value) => <p>{value}</p>}</Announcement>}
    </>
  );
}

describe('announcing a result', () => {
  it('focuses it once, when it is first drawn, and never again for the same announcement', async () => {
    const user = userEvent.setup();
    render(<Announcing initial="Created" />);
    // Not drawn yet (the screen is loading): nothing to focus, and nothing lost.
    expect(screen.queryByText('Created')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Toggle loaded' }));
    expect(screen.getByText('Created').closest('[tabindex="-1"]')).toHaveFocus();

    // The person moves on: another render, or the notice drawn again after a reload, leaves them there.
    const moved = screen.getByRole('button', { name: 'Render again' });
    await user.click(moved);
    expect(moved).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Toggle loaded' }));
    await user.click(screen.getByRole('button', { name: 'Toggle loaded' }));
    expect(screen.getByText('Created')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Toggle loaded' })).toHaveFocus();
  });

  it('a new announcement takes the focus again, even the same words twice', async () => {
    const user = userEvent.setup();
    render(<Announcing initial={null} />);
    await user.click(screen.getByRole('button', { name: 'Toggle loaded' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Saved').closest('[tabindex="-1"]')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Render again' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Saved').closest('[tabindex="-1"]')).toHaveFocus();
  });
});

function Arrived() {
  const arrived = useArrival<{ done: string }>();
  const location = useLocation();
  return (
    <>
      <p>{`Arrived with ${arrived?.done ?? 'nothing'}`}</p>
      <output data-testid="entry">{`${location.pathname}${location.search} ${JSON.stringify(location.state)}`}</output>
    </>
  );
}

function Sender() {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => void navigate('/record?tab=2', { state: { done: 'SAVED' } })}>
      Save and go
    </button>
  );
}

describe('what the screen before said it did', () => {
  it('is read once on arrival and cleared from the history entry, the address kept', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/form']}>
        <Routes>
          <Route path="/form" element={<Sender />} />
          <Route path="/record" element={<Arrived />} />
        </Routes>
      </MemoryRouter>,
    );
    await user.click(screen.getByRole('button', { name: 'Save and go' }));
    expect(screen.getByText('Arrived with SAVED')).toBeVisible();
    // A reload, or a return to this entry, finds no state to announce again.
    expect(screen.getByTestId('entry')).toHaveTextContent('/record?tab=2 null');
  });

  it('is nothing when the screen is opened directly', () => {
    render(
      <MemoryRouter initialEntries={['/record']}>
        <Routes>
          <Route path="/record" element={<Arrived />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(screen.getByText('Arrived with nothing')).toBeVisible();
  });
});
