import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router';

/**
 * After a move to another screen (a link, a form that navigates, back and forward), the focus goes to
 * the main region: the element that had it — a link in the list just left, a submit button — is
 * gone, and a keyboard user would start again at the top of the page. A redirect (`replace`, as after
 * signing in) keeps the page's own start, and a screen that already put the focus inside the main
 * region keeps it.
 */
export function useFocusMainOnNavigation(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    if (navigationType === 'REPLACE' || !main.current) return;
    const active = document.activeElement;
    if (active && active !== main.current && main.current.contains(active)) return;
    main.current.focus();
  }, [pathname, navigationType, main]);
}

/**
 * The app's one way to announce a result (an action's outcome, a conflict warning, what the screen
 * before did): the element that shows it (`ref`, focusable with tabIndex -1; `<Announcement>` in
 * notice.tsx) takes the focus once, on the first render where it exists — which may come after the
 * screen has reloaded its data, not on the render that set it.
 *
 * Why once, and not on every change of value or every time the element mounts: the focus moves for
 * a new announcement and for nothing else, so a re-render, a reload of the screen's data, a language
 * change or the notice drawn again after a loading state never pulls the focus back from where a
 * keyboard user has moved on to, nor makes a screen reader read the result again. The value is data
 * (an action's name, a count), translated where it is drawn, so it follows the reader's language.
 */
export function useAnnouncement<T>(initial: T | null) {
  // Boxed, so announcing the same result again (a second revocation) renders and focuses again.
  const [shown, setShown] = useState(() => (initial === null ? null : { value: initial }));
  const ref = useRef<HTMLDivElement>(null);
  const pending = useRef(initial !== null);
  useEffect(() => {
    if (pending.current && ref.current) {
      ref.current.focus();
      pending.current = false;
    }
  });
  const announce = useCallback((next: T | null) => {
    pending.current = next !== null;
    setShown(next === null ? null : { value: next });
  }, []);
  return { value: shown?.value ?? null, ref, announce };
}

/** What `useAnnouncement` gives a screen: the result shown, where it shows, and how to say another. */
export type Announced<T> = ReturnType<typeof useAnnouncement<T>>;

/**
 * What the screen before asked this one to announce (`navigate(path, { state })`: an action's name or
 * a moment, never survivor data), read once on arrival: the history entry's state is then cleared,
 * so a reload, or a return to this entry, does not announce it again.
 */
export function useArrival<S extends object>(): Partial<S> | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [arrived] = useState(() => (location.state as Partial<S> | null) ?? null);
  const cleared = useRef(false);
  const { pathname, search, hash } = location;
  useEffect(() => {
    if (arrived === null || cleared.current) return;
    cleared.current = true;
    void navigate({ pathname, search, hash }, { replace: true, state: null });
  }, [arrived, navigate, pathname, search, hash]);
  return arrived;
}

/** Gives the focus to an element once the screen has drawn the change that brings it back. */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
