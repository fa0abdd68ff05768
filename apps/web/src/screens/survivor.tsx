import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SelectField, TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import type { RevocationChannel, SurvivorConsentsQuery } from '../gql/graphql';
import { useAnnouncement, useArrival } from '../focus';
import { RedactionSink } from '../graphql/redactions';
import { formatDateTime } from '../i18n';
import { Announcement, Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { BreakGlassForm } from './break-glass-form';
import { ActionToggle, useActionChoice } from './action-choice';
import { AGENCIES_QUERY } from './consent-form';
import { REVOCATION_CHANNELS } from './enums';
import { ActionFormFrame, useActionForm } from './record-actions';
import { Fact, SurvivorFields } from './survivor-fields';

export const SURVIVOR_QUERY = graphql(`
  query SurvivorDetail($id: ID!) {
    survivor(id: $id) {
      ...SurvivorRecord
      availableActions
    }
  }
`);

export const CONSENTS_QUERY = graphql(`
  query SurvivorConsents($survivorId: ID!) {
    consents(survivorId: $survivorId) {
      id
      status
      ownerAgencyId
      recipientAgencyIds
      purposes
      dataClasses
      validFrom
      validUntil
      obtainedHow
      language
      interpreterUsed
      interpreterName
      documentReference
      recordedAt
      grantor {
        type
        name
        relationship
      }
      revocation {
        channel
        reason
        revokedAt
        revokedByAgencyId
      }
      availableActions
    }
  }
`);

export const REVOKE_CONSENT = graphql(`
  mutation RevokeConsent($input: RevokeConsentInput!) {
    revokeConsent(input: $input) {
      consent {
        id
        status
      }
    }
  }
`);

type Consent = SurvivorConsentsQuery['consents'][number];
type Done = 'CREATED' | 'UPDATED' | 'CONSENT_RECORDED' | 'REVOKED';
/** What the screen announces: a change made here or on the screen before, or break-glass opened until a time. */
type Flash = { done: Done } | { breakGlassUntil: string };

/** What the screen before asked this one to announce (navigation state, `useArrival`). */
function flashOf(carried: Partial<{ done: Done; breakGlassUntil: string }> | null): Flash | null {
  if (carried?.breakGlassUntil) return { breakGlassUntil: carried.breakGlassUntil };
  return carried?.done ? { done: carried.done } : null;
}

/** The revocation's reason: optional, at most the API's 1000 characters. */
export function validateRevocation(values: { channel: string; reason: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.channel) errors['channel'] = 'form.chooseOne';
  if (values.reason.length > 1000) errors['reason'] = 'form.tooLong';
  return errors;
}

/**
 * A survivor's record, class by class ("not shared with your agency" where the API withheld a
 * field), then the consent history with revocation. Read without the cache. The address holds
 * the record's opaque id only; the reference is shown in the page, never in its title.
 */
export function SurvivorScreen() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('survivor.title'));
  const redactions = useRef(new RedactionSink()).current;
  const { data, error, loading, refetch } = useQuery(SURVIVOR_QUERY, {
    variables: { id },
    fetchPolicy: 'no-cache',
    context: { redactions },
  });
  const [breakingGlass, setBreakingGlass] = useState(false);
  // Arriving from a form, after a revocation or break-glass: said once, focused once the record is
  // shown; a reload does not announce it again (break-glass may have ended by then).
  const flash = useAnnouncement<Flash>(flashOf(useArrival<{ done: Done; breakGlassUntil: string }>()));

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error || !data) {
    const notFound =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND');
    return (
      <Notice type="error" level="h1" heading={notFound ? t('survivor.notFound') : t('errors.loadFailed')} />
    );
  }
  const survivor = data.survivor;
  // What the policy lets this caller do to this record (a partner reading it through a grant: nothing).
  const actions = survivor.availableActions;
  return (
    <>
      <h1>{t('survivor.title')}</h1>
      <Announcement of={flash}>
        {(shown) => (
          <Notice
            type="info"
            heading={
              'done' in shown
                ? t(`survivor.done.${shown.done}`)
                : t('safety.breakGlass.opened', {
                    until: formatDateTime(shown.breakGlassUntil, i18n.language),
                  })
            }
          />
        )}
      </Announcement>
      <p>{t('survivor.ownedBy', { agency: survivor.ownerAgency.name })}</p>
      {actions.length > 0 && (
        <ButtonGroup>
          {actions.includes('UPDATE') && (
            <Link className="usa-button usa-button--outline" to={`/survivors/${survivor.id}/edit`}>
              {t('survivor.edit')}
            </Link>
          )}
          {actions.includes('RECORD_CONSENT') && (
            <Link className="usa-button" to={`/survivors/${survivor.id}/consents/new`}>
              {t('survivor.recordConsent')}
            </Link>
          )}
          {actions.includes('REPORT_CHILD_SAFETY') && (
            <Link className="usa-button usa-button--secondary" to={`/survivors/${survivor.id}/child-safety`}>
              {t('safety.childSafety.open')}
            </Link>
          )}
          {actions.includes('OPEN_BREAK_GLASS') && (
            <Button
              id="open-break-glass"
              type="button"
              secondary
              aria-expanded={breakingGlass}
              onClick={() => setBreakingGlass(!breakingGlass)}
            >
              {t('safety.breakGlass.open')}
            </Button>
          )}
        </ButtonGroup>
      )}
      {breakingGlass && (
        <BreakGlassForm
          survivorId={survivor.id}
          ownerAgencyName={survivor.ownerAgency.name}
          onCancel={() => {
            setBreakingGlass(false);
            requestAnimationFrame(() => document.getElementById('open-break-glass')?.focus());
          }}
          onOpened={(until) => {
            setBreakingGlass(false);
            // The record again, now with what break-glass opened to this person, then the news.
            void refetch()
              .catch(() => undefined)
              .then(() => flash.announce({ breakGlassUntil: until }));
          }}
        />
      )}
      <section aria-labelledby="record-heading">
        <h2 id="record-heading">{t('survivor.record')}</h2>
        <SurvivorFields survivor={survivor} notShared={(field) => redactions.has(['survivor', field])} />
      </section>
      <ConsentHistory survivorId={survivor.id} onRevoked={() => flash.announce({ done: 'REVOKED' })} />
    </>
  );
}

/** Every consent of the survivor the caller may see, newest first, each revocable where the API offers it (not revoked yet, and the policy allows). */
export function ConsentHistory(props: { survivorId: string; onRevoked: () => void }) {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(CONSENTS_QUERY, {
    variables: { survivorId: props.survivorId },
    fetchPolicy: 'no-cache',
  });
  const agencies = useQuery(AGENCIES_QUERY);
  const names = new Map((agencies.data?.agencies.edges ?? []).map(({ node }) => [node.id, node.name]));
  const nameOf = (agencyId: string) => names.get(agencyId) ?? t('referral.otherAgency');
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  // Keyed by consent id: one revocation form open at a time.
  const revoking = useActionChoice<string>({
    button: (id) => `revoke-${id}`,
    form: revokeFormId,
  });

  return (
    <section aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('consents.title')}</h2>
      {error && <Notice type="error" heading={t('errors.loadFailed')} />}
      {data && data.consents.length === 0 && <p>{t('consents.none')}</p>}
      {data?.consents.map((consent) => (
        <div key={consent.id} className="border-1px border-base-lighter padding-2 margin-bottom-2">
          <h3 className="margin-top-0">
            {t('consents.heading', {
              status: t(`consentStatus.${consent.status}`),
              when: when(consent.recordedAt),
            })}
          </h3>
          <dl>
            <Fact label={t('consents.recipients')}>{consent.recipientAgencyIds.map(nameOf).join(', ')}</Fact>
            <Fact label={t('consentForm.purposes')}>
              {consent.purposes.map((purpose) => t(`purpose.${purpose}`)).join(', ')}
            </Fact>
            <Fact label={t('consentForm.dataClasses')}>
              {consent.dataClasses.map((c) => t(`dataClass.${c}`)).join(', ')}
            </Fact>
            <Fact label={t('consents.valid')}>
              {t('consents.validRange', { from: when(consent.validFrom), until: when(consent.validUntil) })}
            </Fact>
            <Fact label={t('consentForm.grantorType')}>
              {t(`grantorType.${consent.grantor.type}`)}
              {consent.grantor.name && ` — ${consent.grantor.name}`}
              {consent.grantor.relationship && ` (${consent.grantor.relationship})`}
            </Fact>
            <Fact label={t('consentForm.obtainedHow')}>
              {t(`obtainedHow.${consent.obtainedHow}`)} · {consent.documentReference}
            </Fact>
            <Fact label={t('consentForm.language')}>
              {consent.language}
              {consent.interpreterUsed &&
                ` · ${t('consents.interpreter', { name: consent.interpreterName ?? t('survivor.notRecorded') })}`}
            </Fact>
            {consent.revocation && (
              <Fact label={t('consents.revoked')}>
                {t('consents.revokedBy', {
                  when: when(consent.revocation.revokedAt),
                  agency: nameOf(consent.revocation.revokedByAgencyId),
                  channel: t(`revocationChannel.${consent.revocation.channel}`),
                })}
                {consent.revocation.reason && ` — ${consent.revocation.reason}`}
              </Fact>
            )}
          </dl>
          {consent.availableActions.includes('REVOKE') && (
            <ActionToggle choice={revoking} action={consent.id} look="secondary">
              {t('consents.revoke')}
            </ActionToggle>
          )}
          {revoking.open === consent.id && (
            <RevokeForm
              consent={consent}
              onCancel={() => revoking.cancel(consent.id)}
              onRevoked={async () => {
                revoking.close();
                await refetch().catch(() => undefined);
                props.onRevoked();
              }}
            />
          )}
        </div>
      ))}
    </section>
  );
}

/**
 * Revocation: how the survivor said so and why, confirmed as irreversible; every grant ends at once.
 * An ended consent is offered too (the API's `revocable`): it grants nothing now, so the form says
 * what its revocation still does — the survivor's "no" to the agencies it named, which break-glass
 * honours.
 */
/** The revocation form's element for a consent (its button controls it). */
const revokeFormId = (consentId: string) => `revoke-form-${consentId}`;

function RevokeForm(props: { consent: Consent; onCancel: () => void; onRevoked: () => Promise<void> }) {
  const { t } = useTranslation();
  const [revoke] = useMutation(REVOKE_CONSENT);
  const formId = revokeFormId(props.consent.id);
  const form = useActionForm({
    initial: () => ({ channel: '', reason: '' }),
    validate: validateRevocation,
    run: (values) =>
      revoke({
        variables: {
          input: {
            consentId: props.consent.id,
            channel: values.channel as RevocationChannel,
            reason: values.reason.trim() || undefined,
          },
        },
      }),
    // A revocation carries no version: it is a new fact, so the API has no CONFLICT for it.
    onDone: () => void props.onRevoked(),
    fields: ['channel', 'reason'],
    formId,
  });
  return (
    <ActionFormFrame
      id={formId}
      level="h4"
      heading={t('consents.revokeHeading')}
      explain={t(
        props.consent.status === 'EXPIRED' ? 'consents.revokeEndedExplain' : 'consents.revokeExplain',
      )}
      confirm={t('consents.confirmRevoke')}
      warning={t('consents.irreversible')}
      ending
      form={form}
      onCancel={props.onCancel}
    >
      <SelectField
        id={`channel-${props.consent.id}`}
        required
        label={t('consents.channel')}
        value={form.values.channel}
        placeholder={t('form.select')}
        options={REVOCATION_CHANNELS.map((value) => ({ value, label: t(`revocationChannel.${value}`) }))}
        onChange={(channel) => form.set('channel', channel)}
        error={form.error('channel')}
      />
      <TextAreaField
        id={`reason-${props.consent.id}`}
        label={t('consents.reason')}
        value={form.values.reason}
        onChange={(reason) => form.set('reason', reason)}
        error={form.error('reason')}
      />
    </ActionFormFrame>
  );
}
