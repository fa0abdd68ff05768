import { Alert, AlertHeading, AlertText } from '@trussworks/react-uswds';
import type { ReactNode, RefObject } from 'react';

type HeadingLevel = 'h1' | 'h2' | 'h3';

/** A USWDS alert with a heading and an optional sentence; errors are announced (role="alert"). */
export function Notice(props: {
  type: 'error' | 'warning' | 'info' | 'success';
  heading: string;
  level?: HeadingLevel;
  text?: string;
  /** More than a sentence under the heading (a list). */
  children?: ReactNode;
}) {
  return (
    <Alert type={props.type} role={props.type === 'error' ? 'alert' : 'status'}>
      <AlertHeading level={props.level ?? 'h2'}>{props.heading}</AlertHeading>
      {props.text && <AlertText>{props.text}</AlertText>}
      {props.children}
    </Alert>
  );
}

/**
 * Where a `useAnnouncement` result shows, drawn by `children` (nothing while there is none): the
 * focusable box the hook gives the focus to once. The browser tests find it by `hub-flash`.
 */
export function Announcement<T>(props: {
  of: { value: T | null; ref: RefObject<HTMLDivElement> };
  children: (value: T) => ReactNode;
  className?: string;
}) {
  const { value, ref } = props.of;
  if (value === null) return null;
  return (
    <div ref={ref} tabIndex={-1} className={props.className ? `hub-flash ${props.className}` : 'hub-flash'}>
      {props.children(value)}
    </div>
  );
}
