import { ProcessList, ProcessListHeading, ProcessListItem } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n';

/**
 * A record's events, oldest first: each status it reached, when, by which agency (none: the hub
 * moved it itself, by a time rule) and why. The workflow kernel's event log, on any record screen.
 */
export function RecordTimeline(props: {
  events: readonly {
    id: string;
    occurredAt: string;
    toStatus: string;
    reason?: string | null;
    actorAgencyId?: string | null;
  }[];
  statusLabel: (status: string) => string;
  agencyName: (agencyId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.heading')}</h2>
      <ProcessList>
        {props.events.map((event) => (
          <ProcessListItem key={event.id}>
            <ProcessListHeading type="h3">{props.statusLabel(event.toStatus)}</ProcessListHeading>
            <p className="margin-top-05">
              {t('timeline.eventBy', {
                when: formatDateTime(event.occurredAt, i18n.language),
                agency: event.actorAgencyId ? props.agencyName(event.actorAgencyId) : t('timeline.byTheHub'),
              })}
            </p>
            {event.reason && <p>{event.reason}</p>}
          </ProcessListItem>
        ))}
      </ProcessList>
    </section>
  );
}
