import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Tag } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCapabilities } from '../capabilities';
import { useAnnouncement, useArrival } from '../focus';
import { graphql } from '../gql';
import { RedactionSink } from '../graphql/redactions';
import { Notice } from '../notice';
import { formatDateTime } from '../i18n';
import { usePageTitle } from '../page-title';
import { type ActionResult, ResultFlash } from './record-actions';
import { RecordTimeline } from './record-timeline';
import { type ReferralActionResult, ReferralActions } from './referral-actions';
import { BreakGlassForm } from './break-glass-form';
import { ME_QUERY } from './new-referral';
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
      survivorActions
      parent {
        id
        sentAt
        createdAt
        fromAgency {
          id
          name
        }
      }
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
  // Arriving from the new-referral form: say what it did (the state holds an action name only).
  const done = useArrival<{ done: 'SEND' | 'DRAFT' }>()?.done;
  const flash = useAnnouncement<ActionResult<ReferralActionResult>>(
    done ? { kind: 'done', action: done } : null,
  );
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const afterAction = async (result: ActionResult<ReferralActionResult>) => {
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
      <ResultFlash
        announcement={flash}
        done={({ action }) => t(`actions.done.${action}`)}
        conflictHeading={t('actions.conflictHeading')}
        conflict={t('actions.conflict')}
      />
      <ReferralActions
        referral={referral}
        onDone={(result) => {
          flash.announce(null);
          void afterAction(result);
        }}
      />
      <ReferOnward referral={referral} />
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
          {referral.parent && (
            <Fact label={t('onwardReferral.from')}>
              <Link className="usa-link" to={`/referrals/${referral.parent.id}`}>
                {t('onwardReferral.parent', {
                  agency: referral.parent.fromAgency.name,
                  date: when(referral.parent.sentAt ?? referral.parent.createdAt),
                })}
              </Link>
            </Fact>
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
        {referral.survivorId && referral.survivorActions.includes('OPEN_BREAK_GLASS') && (
          <BreakGlass survivorId={referral.survivorId} />
        )}
      </section>

      <RecordTimeline
        events={referral.events}
        statusLabel={(status) => t(`status.${status}`)}
        agencyName={agencyName}
      />

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

/**
 * "Refer onward" (`/referrals/:id/refer-onward`), where the API would take a `parentReferralId` of
 * this referral: the caller may create referrals and their agency received it (the sender's staff
 * and drafts never qualify: a draft is never received). Every status qualifies, as for the API —
 * a declined referral is where an onward one is most often needed.
 */
function ReferOnward(props: { referral: { id: string; toAgency: { id: string } } }) {
  const { t } = useTranslation();
  const { has } = useCapabilities();
  const mayRefer = has('CREATE_REFERRAL');
  const me = useQuery(ME_QUERY, { skip: !mayRefer });
  if (!mayRefer || me.data?.me.agency?.id !== props.referral.toAgency.id) return null;
  return (
    <div className="margin-y-3">
      <Link
        className="usa-button usa-button--outline"
        to={`/referrals/${props.referral.id}/refer-onward`}
        aria-describedby="onward-hint"
      >
        {t('onwardReferral.referOnward')}
      </Link>
      <p className="usa-hint margin-top-1" id="onward-hint">
        {t('onwardReferral.referOnwardHint')}
      </p>
    </div>
  );
}

/**
 * Break-glass on the referral's survivor, where the API offers it (`survivorActions`): also when the
 * record is no longer shared with the caller, the case it exists for. Once open, the record itself.
 */
function BreakGlass(props: { survivorId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <div className="margin-y-3">
      <Button
        id="open-break-glass"
        type="button"
        secondary
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('safety.breakGlass.open')}
      </Button>
      {open && (
        <BreakGlassForm
          survivorId={props.survivorId}
          onCancel={() => {
            setOpen(false);
            requestAnimationFrame(() => document.getElementById('open-break-glass')?.focus());
          }}
          onOpened={(until) => {
            void navigate(`/survivors/${props.survivorId}`, { state: { breakGlassUntil: until } });
          }}
        />
      )}
    </div>
  );
}
