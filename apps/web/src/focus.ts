import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigationType } from 'react-router';

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
 * A result to announce (an action's outcome, a conflict warning): the element that shows it (`ref`,
 * focusable with tabIndex -1) takes the focus once, on the first render where it exists — which
 * may come after the screen has reloaded its data, not on the render that set it.
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

/** Gives the focus to an element once the screen has drawn the change that brings it back. */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
