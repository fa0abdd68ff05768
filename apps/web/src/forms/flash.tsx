import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Notice } from '../notice';

/** What a change did, said on the screen it came back to: a result, or a CONFLICT to review. */
export interface FlashMessage {
  type: 'info' | 'warning';
  heading: string;
  text?: string;
}

/**
 * The announced result of a change: a status message that takes the focus each time a new one is
 * shown, so keyboard and screen-reader users hear what happened and continue from there.
 */
export function useFlash(initial: FlashMessage | null = null) {
  const [flash, setFlash] = useState<FlashMessage | null>(initial);
  return { flash, show: setFlash, clear: () => setFlash(null) };
}

export function Flash({ flash }: { flash: FlashMessage | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash) ref.current?.focus();
  }, [flash]);
  if (!flash) return null;
  return (
    <div ref={ref} tabIndex={-1} className="hub-flash">
      <Notice type={flash.type} heading={flash.heading} text={flash.text} />
    </div>
  );
}

/**
 * What the screen before said it did (`navigate(path, { state: { done } })`), read once: the history
 * entry's state is then cleared, so a reload or a return to this entry does not announce it again.
 */
export function useArrival<T extends string>(): T | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [done] = useState(() => (location.state as { done?: T } | null)?.done);
  const cleared = useRef(false);
  useEffect(() => {
    if (!done || cleared.current) return;
    cleared.current = true;
    void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [done, navigate, location.pathname, location.search]);
  return done;
}
