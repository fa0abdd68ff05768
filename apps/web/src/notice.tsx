import { Alert, AlertHeading, AlertText } from '@trussworks/react-uswds';

type HeadingLevel = 'h1' | 'h2' | 'h3';

/** A USWDS alert with a heading and an optional sentence; errors are announced (role="alert"). */
export function Notice(props: {
  type: 'error' | 'warning' | 'info' | 'success';
  heading: string;
  level?: HeadingLevel;
  text?: string;
}) {
  return (
    <Alert type={props.type} role={props.type === 'error' ? 'alert' : 'status'}>
      <AlertHeading level={props.level ?? 'h2'}>{props.heading}</AlertHeading>
      {props.text && <AlertText>{props.text}</AlertText>}
    </Alert>
  );
}
