import { useMutation, useQuery } from '@apollo/client/react';
import { ButtonGroup, Tag } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Requires } from '../capabilities';
import { useAnnouncement } from '../focus';
import { ChoiceGroup, TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import type { BreakGlassFinding, BreakGlassSessionAction, BreakGlassSessionsQuery } from '../gql/graphql';
import { formatDateTime } from '../i18n';
import { Announcement, Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { ActionToggle, useActionChoice } from './action-choice';
import { AGENCIES_QUERY } from './consent-form';
import { ListStatus } from './list-status';
import { KeysetPager } from './pager';
import { ActionFormFrame, useActionForm } from './record-actions';
import { Fact } from './survivor-fields';

const PAGE_SIZE = 20;

/** Read without the cache: a reason describes a survivor's danger in the opener's words. */
export const BREAK_GLASS_SESSIONS_QUERY = graphql(`
  query BreakGlassSessions($first: Int, $after: String) {
    breakGlassSessions(first: $first, after: $after) {
      edges {
        node {
          id
          survivorId
          ownerAgencyId
          agencyId
          openedBy
          reason
          openedAt
          expiresAt
          endedAt
          endedReason
          endedNote
          reviewedAt
          reviewFinding
          reviewNote
          availableActions
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const END_BREAK_GLASS = graphql(`
  mutation EndBreakGlass($input: EndBreakGlassInput!) {
    endBreakGlass(input: $input) {
      session {
        id
        endedAt
      }
    }
  }
`);

export const REVIEW_BREAK_GLASS = graphql(`
  mutation ReviewBreakGlass($input: ReviewBreakGlassInput!) {
    reviewBreakGlass(input: $input) {
      session {
        id
        reviewedAt
      }
    }
  }
`);

type Session = BreakGlassSessionsQuery['breakGlassSessions']['edges'][number]['node'];

export const BREAK_GLASS_FINDINGS: readonly BreakGlassFinding[] = [
  'JUSTIFIED',
  'NOT_JUSTIFIED',
  'NEEDS_FOLLOW_UP',
];

/** EndBreakGlassInput.reason: why it ends now, 10 to 1,000 characters (trimmed). */
export function validateEnd(values: { reason: string }): Record<string, string> {
  const reason = values.reason.trim();
  if (!reason) return { reason: 'form.required' };
  if (reason.length < 10) return { reason: 'safety.sessions.endReasonTooShort' };
  if (reason.length > 1000) return { reason: 'form.tooLong' };
  return {};
}

/** ReviewBreakGlassInput: a finding, and a note of up to 2,000 characters. */
export function validateReview(values: { finding: string; note: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.finding) errors['finding'] = 'form.chooseOne';
  if (values.note.trim().length > 2000) errors['note'] = 'form.tooLong';
  return errors;
}

/** Where a session stands now, for its tag. */
export function sessionState(
  session: Pick<Session, 'endedAt' | 'expiresAt'>,
  now: Date,
): 'OPEN' | 'ENDED' | 'EXPIRED' {
  if (session.endedAt) return 'ENDED';
  return Date.parse(session.expiresAt) > now.getTime() ? 'OPEN' : 'EXPIRED';
}

export function BreakGlassSessionsScreen() {
  return (
    <Requires capability="REVIEW_BREAK_GLASS">
      <BreakGlassSessions />
    </Requires>
  );
}

type Done = 'END' | 'REVIEW' | 'CONFLICT';

/**
 * Break-glass uses the caller may see, newest first: who opened which record, why and until when,
 * and, for the owning agency, ending one early and recording its review — each only where the API
 * lists it for that session (`availableActions`).
 */
function BreakGlassSessions() {
  const { t } = useTranslation();
  usePageTitle(t('safety.sessions.title'));
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, previousData, error, loading, refetch } = useQuery(BREAK_GLASS_SESSIONS_QUERY, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1) },
    fetchPolicy: 'no-cache',
  });
  const agencies = useQuery(AGENCIES_QUERY);
  const names = new Map((agencies.data?.agencies.edges ?? []).map(({ node }) => [node.id, node.name]));
  const nameOf = (agencyId: string) => names.get(agencyId) ?? t('referral.otherAgency');
  const connection = (data ?? previousData)?.breakGlassSessions;
  const flash = useAnnouncement<Done>(null);

  const afterChange = async (result: Done) => {
    await refetch().catch(() => undefined);
    flash.announce(result);
  };

  return (
    <>
      <h1>{t('safety.sessions.title')}</h1>
      <p className="usa-intro">{t('safety.sessions.intro')}</p>
      <Announcement of={flash}>
        {(done) => (
          <Notice
            type={done === 'CONFLICT' ? 'warning' : 'success'}
            heading={t(`safety.sessions.done.${done}`)}
          />
        )}
      </Announcement>
      <KeysetPager
        id="break-glass-uses"
        cursors={cursors}
        onChange={setCursors}
        pageInfo={connection?.pageInfo}
      >
        <ListStatus
          error={error}
          loading={loading}
          connection={connection}
          empty={t('safety.sessions.none')}
        />
        {connection?.edges.map(({ node }) => (
          <SessionCard
            key={node.id}
            session={node}
            nameOf={nameOf}
            onChanged={(result) => {
              flash.announce(null);
              void afterChange(result);
            }}
          />
        ))}
      </KeysetPager>
    </>
  );
}

/** The element of an action's form on a use's card (the button controls it). */
const sessionFormId = (action: BreakGlassSessionAction, sessionId: string) =>
  `${action.toLowerCase()}-${sessionId}`;

function SessionCard(props: {
  session: Session;
  nameOf: (agencyId: string) => string;
  onChanged: (result: Done) => void;
}) {
  const { t, i18n } = useTranslation();
  const { session, nameOf } = props;
  const choice = useActionChoice<BreakGlassSessionAction>({
    button: (action) => `${action}-${session.id}`,
    form: (action) => sessionFormId(action, session.id),
  });
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const state = sessionState(session, new Date());
  const headingId = `session-${session.id}`;
  return (
    <section aria-labelledby={headingId} className="border-1px border-base-lighter padding-2 margin-bottom-2">
      <h2 id={headingId} className="margin-top-0">
        {t('safety.sessions.heading', { agency: nameOf(session.agencyId), when: when(session.openedAt) })}{' '}
        <Tag className={state === 'OPEN' ? 'bg-secondary-dark' : undefined}>
          {t(`safety.sessions.state.${state}`)}
        </Tag>
      </h2>
      <dl>
        <Fact label={t('safety.sessions.openedBy')}>
          <code className="hub-id">{session.openedBy}</code> · {nameOf(session.agencyId)}
        </Fact>
        <Fact label={t('safety.sessions.record')}>
          <Link className="usa-link" to={`/survivors/${session.survivorId}`}>
            {t('safety.sessions.recordOf', { agency: nameOf(session.ownerAgencyId) })}
          </Link>
        </Fact>
        <Fact label={t('safety.sessions.reason')}>{session.reason}</Fact>
        <Fact label={t('safety.sessions.until')}>{when(session.expiresAt)}</Fact>
        {session.endedAt && (
          <Fact label={t('safety.sessions.ended')}>
            {when(session.endedAt)}
            {session.endedReason && ` · ${t(`safety.endReason.${session.endedReason}`)}`}
            {session.endedNote && ` — ${session.endedNote}`}
          </Fact>
        )}
        {session.reviewedAt && session.reviewFinding && (
          <Fact label={t('safety.sessions.review')}>
            {t(`safety.finding.${session.reviewFinding}`)} · {when(session.reviewedAt)}
            {session.reviewNote && ` — ${session.reviewNote}`}
          </Fact>
        )}
      </dl>
      {session.availableActions.length > 0 && (
        <ButtonGroup>
          {session.availableActions.map((action) => (
            <ActionToggle key={action} choice={choice} action={action}>
              {t(`safety.sessions.button.${action}`)}
            </ActionToggle>
          ))}
        </ButtonGroup>
      )}
      {choice.open === 'END' && (
        <EndForm
          session={session}
          onCancel={() => choice.cancel('END')}
          onDone={(result) => {
            choice.close();
            props.onChanged(result);
          }}
        />
      )}
      {choice.open === 'REVIEW' && (
        <ReviewForm
          session={session}
          onCancel={() => choice.cancel('REVIEW')}
          onDone={(result) => {
            choice.close();
            props.onChanged(result);
          }}
        />
      )}
    </section>
  );
}

/** Ends the access at once, with why. */
function EndForm(props: { session: Session; onCancel: () => void; onDone: (result: Done) => void }) {
  const { t } = useTranslation();
  const [end] = useMutation(END_BREAK_GLASS);
  const formId = sessionFormId('END', props.session.id);
  const form = useActionForm({
    initial: () => ({ reason: '' }),
    validate: validateEnd,
    run: (values) => end({ variables: { input: { id: props.session.id, reason: values.reason.trim() } } }),
    onDone: (result) => props.onDone(result.kind === 'done' ? 'END' : 'CONFLICT'),
    fields: ['reason'],
    problemKey: () => 'safety.sessions.endReasonTooShort',
    formId,
  });
  return (
    <ActionFormFrame
      id={formId}
      heading={t('safety.sessions.button.END')}
      explain={t('safety.sessions.endExplain')}
      confirm={t('safety.sessions.confirmEnd')}
      ending
      form={form}
      onCancel={props.onCancel}
    >
      <TextAreaField
        id={`end-reason-${props.session.id}`}
        required
        label={t('safety.sessions.endReason')}
        value={form.values.reason}
        onChange={(reason) => form.set('reason', reason)}
        error={form.error('reason')}
      />
    </ActionFormFrame>
  );
}

/** The owning agency's finding, recorded once. */
function ReviewForm(props: { session: Session; onCancel: () => void; onDone: (result: Done) => void }) {
  const { t } = useTranslation();
  const [review] = useMutation(REVIEW_BREAK_GLASS);
  const formId = sessionFormId('REVIEW', props.session.id);
  const form = useActionForm({
    initial: () => ({ finding: '', note: '' }),
    validate: validateReview,
    run: (values) =>
      review({
        variables: {
          input: {
            id: props.session.id,
            finding: values.finding as BreakGlassFinding,
            note: values.note.trim() || undefined,
          },
        },
      }),
    onDone: (result) => props.onDone(result.kind === 'done' ? 'REVIEW' : 'CONFLICT'),
    fields: ['finding', 'note'],
    formId,
  });
  return (
    <ActionFormFrame
      id={formId}
      heading={t('safety.sessions.button.REVIEW')}
      confirm={t('safety.sessions.confirmReview')}
      warning={t('safety.sessions.reviewOnce')}
      form={form}
      onCancel={props.onCancel}
    >
      <ChoiceGroup
        id={`finding-${props.session.id}`}
        required
        label={t('safety.sessions.finding')}
        options={BREAK_GLASS_FINDINGS.map((value) => ({ value, label: t(`safety.finding.${value}`) }))}
        selected={form.values.finding ? [form.values.finding] : []}
        onChange={([finding]) => form.set('finding', finding)}
        error={form.error('finding')}
      />
      <TextAreaField
        id={`note-${props.session.id}`}
        label={t('safety.sessions.note')}
        value={form.values.note}
        onChange={(note) => form.set('note', note)}
        error={form.error('note')}
      />
    </ActionFormFrame>
  );
}
