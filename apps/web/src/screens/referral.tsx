import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { ProcessList, ProcessListHeading, ProcessListItem, Tag } from '@trussworks/react-uswds';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { graphql } from '../gql';
import { useAnnouncement } from '../focus';
import { RedactionSink } from '../graphql/redactions';
import { Notice } from '../notice';
import { formatDateTime } from '../i18n';
import { usePageTitle } from '../page-title';
import { type ActionResult, ReferralActions } from './referral-actions';
import { ReferralThread } from './referral-thread';
import { Fact, SurvivorFields } from './survivor-fields';

export const REFERRAL_QUERY = graphql(`
  query ReferralDetail($id: ID!) {
    referral(id: $id) {
      id
      kind
      status
      version
      availableActions
      urgency
      needs
      notes
      createdAt
      responseDueAt
      ageBand
      language
      callback
      sharedClasses
      survivorId
      fromAgency {
        id
        name
      }
      toAgency {
        id
        name
      }
      outcome {
        servicesDelivered
        text
      }
      decline {
        reason
        declinedBy
        text
      }
      failureReason
      survivor {
        reference
        minor
        ageBand
        givenName
        familyName
        aliases
        dateOfBirth
        gender
        phone
        email
        address
        preferredLanguage
        interpreterNeeded
        situationSummary
        immigrationStatus
        medicalNotes
      }
      events {
        id
        occurredAt
        fromStatus
        toStatus
        reason
        actorAgencyId
      }
      messages {
        id
        authorAgencyId
        body
        createdAt
      }
    }
  }
`);

/**
 * One referral: summary, what the caller may do to it (only the actions the API lists), the
 * survivor's fields as shared with the caller's agency, the timeline and the thread. Queried
 * without the cache so survivor fields never stay in the client's store; reloaded after each
 * change. What happened is announced in a status message that takes the focus.
 */
export function ReferralScreen() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('referral.title'));
  const redactions = useRef(new RedactionSink()).current;
  const { data, error, loading, refetch } = useQuery(REFERRAL_QUERY, {
    variables: { id },
    fetchPolicy: 'no-cache',
    context: { redactions },
  });
  const location = useLocation();
  // Arriving from the new-referral form: say what it did (the state holds an action name only).
  const done = (location.state as { done?: 'SEND' | 'DRAFT' } | null)?.done;
  // The message takes the focus once, when it appears (after the reload that shows the change).
  const flash = useAnnouncement<ActionResult>(done ? { kind: 'done', action: done } : null);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const afterAction = async (result: ActionResult) => {
    await refetch().catch(() => undefined);
    flash.announce(result);
  };

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error) {
    const notFound =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND');
    return (
      <Notice type="error" level="h1" heading={notFound ? t('referral.notFound') : t('errors.loadFailed')} />
    );
  }
  if (!data) return null;
  const referral = data.referral;
  const agencyName = (agencyId: string) =>
    agencyId === referral.fromAgency.id
      ? referral.fromAgency.name
      : agencyId === referral.toAgency.id
        ? referral.toAgency.name
        : t('referral.otherAgency');

  return (
    <>
      <h1>{t('referral.title')}</h1>
      {flash.value && (
        <div ref={flash.ref} tabIndex={-1} className="hub-flash">
          {flash.value.kind === 'conflict' ? (
            <Notice type="warning" heading={t('actions.conflictHeading')} text={t('actions.conflict')} />
          ) : (
            <Notice type="info" heading={t(`actions.done.${flash.value.action}`)} />
          )}
        </div>
      )}
      <ReferralActions
        referral={referral}
        onDone={(result) => {
          flash.announce(null);
          void afterAction(result);
        }}
      />
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('referral.summary')}</h2>
        <dl className="hub-facts">
          <Fact label={t('referral.status')}>{t(`status.${referral.status}`)}</Fact>
          <Fact label={t('referral.urgency')}>
            <Tag>{t(`urgency.${referral.urgency}`)}</Tag>
          </Fact>
          {referral.kind === 'CHILD_SAFETY' && (
            <Fact label={t('referral.kind')}>{t('referral.childSafety')}</Fact>
          )}
          <Fact label={t('referral.from')}>{referral.fromAgency.name}</Fact>
          <Fact label={t('referral.to')}>{referral.toAgency.name}</Fact>
          <Fact label={t('referral.needs')}>
            {referral.needs.map((need) => t(`need.${need}`)).join(', ')}
          </Fact>
          <Fact label={t('referral.created')}>{when(referral.createdAt)}</Fact>
          {referral.responseDueAt && (
            <Fact label={t('referral.responseDue')}>{when(referral.responseDueAt)}</Fact>
          )}
          {referral.notes && <Fact label={t('referral.notes')}>{referral.notes}</Fact>}
          {referral.outcome && (
            <Fact label={t('referral.outcome')}>
              {referral.outcome.servicesDelivered.map((need) => t(`need.${need}`)).join(', ')}
              {referral.outcome.text && ` — ${referral.outcome.text}`}
            </Fact>
          )}
          {referral.decline && (
            <Fact label={t('referral.declined')}>
              {t(`declineReason.${referral.decline.reason}`)}
              {referral.decline.text && ` — ${referral.decline.text}`}
            </Fact>
          )}
          {referral.failureReason && <Fact label={t('referral.failed')}>{referral.failureReason}</Fact>}
        </dl>
      </section>

      <section aria-labelledby="survivor-heading">
        <h2 id="survivor-heading">{t('referral.survivor')}</h2>
        {referral.survivor ? (
          <SurvivorFields
            survivor={referral.survivor}
            notShared={(field) => redactions.has(['referral', 'survivor', field])}
          />
        ) : referral.survivorId ? (
          <p>{t('referral.survivorNotVisible')}</p>
        ) : (
          <>
            <p>{t('referral.deidentified')}</p>
            <dl>
              {referral.ageBand && (
                <Fact label={t('survivor.ageBand')}>
                  {t(`ageBand.${referral.ageBand}`, { defaultValue: referral.ageBand })}
                </Fact>
              )}
              {referral.language && <Fact label={t('survivor.preferredLanguage')}>{referral.language}</Fact>}
              {referral.callback && <Fact label={t('referral.callback')}>{referral.callback}</Fact>}
            </dl>
          </>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('referral.timeline')}</h2>
        <ProcessList>
          {referral.events.map((event) => (
            <ProcessListItem key={event.id}>
              <ProcessListHeading type="h3">{t(`status.${event.toStatus}`)}</ProcessListHeading>
              <p className="margin-top-05">
                {t('referral.eventBy', {
                  when: when(event.occurredAt),
                  // No actor: the hub moved it itself (a time rule, e.g. the response deadline passed).
                  agency: event.actorAgencyId ? agencyName(event.actorAgencyId) : t('referral.byTheHub'),
                })}
              </p>
              {event.reason && <p>{event.reason}</p>}
            </ProcessListItem>
          ))}
        </ProcessList>
      </section>

      <ReferralThread
        referralId={referral.id}
        messages={referral.messages}
        agencyName={agencyName}
        canPost={referral.availableActions.includes('MESSAGE')}
        onPosted={() => refetch()}
      />
    </>
  );
}
