import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_EVENTS, type IdleClock, IdleTimer, PAGE_CLOCK } from './idle-timer';

/** The warning comes this long before the session ends. */
export const IDLE_WARNING_MS = 60_000;

/**
 * Signs the person out after `minutes` without activity (a caseworker's screen left open at a front
 * desk shows what it showed), with a warning a minute before that they answer with "Stay signed
 * in". `onTimeout` is the app's sign-out.
 */
export function IdleTimeout(props: { minutes: number; onTimeout: () => void; clock?: IdleClock }) {
  const { minutes, clock = PAGE_CLOCK } = props;
  const [warning, setWarning] = useState(false);
  const timer = useRef<IdleTimer | null>(null);
  const onTimeout = useRef(props.onTimeout);
  onTimeout.current = props.onTimeout;

  useEffect(() => {
    const idle = new IdleTimer({
      idleMs: minutes * 60_000,
      warnMs: IDLE_WARNING_MS,
      clock,
      onWarn: () => setWarning(true),
      onTimeout: () => {
        setWarning(false);
        onTimeout.current();
      },
    });
    timer.current = idle;
    const activity = () => idle.activity();
    // A tab shown again after a while decides at once (its timers may have been held back).
    const shown = () => {
      if (document.visibilityState === 'visible') idle.check();
    };
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, activity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', shown);
    idle.start();
    return () => {
      idle.stop();
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, activity, { capture: true });
      document.removeEventListener('visibilitychange', shown);
    };
  }, [minutes, clock]);

  if (!warning) return null;
  return (
    <IdleWarning
      minutes={minutes}
      onStay={() => {
        timer.current?.stayActive();
        setWarning(false);
      }}
      onSignOut={() => {
        timer.current?.stop();
        setWarning(false);
        onTimeout.current();
      }}
    />
  );
}

/**
 * Asks for an answer (role alertdialog: announced, and the focus is on "Stay signed in"); the focus
 * goes back where it was when the person stays.
 */
function IdleWarning(props: { minutes: number; onStay: () => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    stay.current?.focus();
    return () => {
      if (before && before !== document.body && document.contains(before)) before.focus();
    };
  }, []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="idle-warning-heading"
      aria-describedby="idle-warning-text"
      className="hub-idle-warning usa-alert usa-alert--warning"
    >
      <div className="usa-alert__body">
        <h2 id="idle-warning-heading" className="usa-alert__heading">
          {t('idle.warningHeading')}
        </h2>
        <p id="idle-warning-text" className="usa-alert__text">
          {t('idle.warning', { count: props.minutes - 1 })}
        </p>
        <ButtonGroup>
          {/* A plain button: the focus goes to it (USWDS's Button passes no ref). */}
          <button type="button" className="usa-button" ref={stay} onClick={props.onStay}>
            {t('idle.stay')}
          </button>
          <Button type="button" outline onClick={props.onSignOut}>
            {t('idle.signOut')}
          </Button>
        </ButtonGroup>
      </div>
    </div>
  );
}
