import { useEffect, useRef, useState } from 'react';
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
