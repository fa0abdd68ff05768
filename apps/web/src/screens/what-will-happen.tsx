import { Alert, AlertHeading } from '@trussworks/react-uswds';

/**
 * What a consequential act will do, said as a list right above the button that confirms it (a
 * mandatory report, break-glass): read before confirming, never after.
 */
export function WhatWillHappen(props: {
  id: string;
  heading: string;
  level: 'h2' | 'h3' | 'h4';
  items: readonly string[];
}) {
  return (
    <Alert type="warning" className="margin-top-2">
      <AlertHeading level={props.level} id={props.id}>
        {props.heading}
      </AlertHeading>
      <ul className="usa-list">
        {props.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </Alert>
  );
}
