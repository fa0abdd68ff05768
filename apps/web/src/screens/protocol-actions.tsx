import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import type { AgencyType, ProtocolAction } from '../gql/graphql';
import { formatDate } from '../i18n';
import { ActionFormFrame, ActionPanel, useActionForm } from './record-actions';
import { Fact } from './survivor-fields';

export const ACKNOWLEDGE_PROTOCOL = graphql(`
  mutation AcknowledgeProtocol($input: AcknowledgeProtocolInput!) {
    acknowledgeProtocol(input: $input) {
      acknowledgement {
        versionId
        agencyId
        acknowledgedAt
      }
    }
  }
`);

export const PUBLISH_PROTOCOL = graphql(`
  mutation PublishProtocolVersion($input: PublishProtocolVersionInput!) {
    publishProtocolVersion(input: $input) {
      protocol {
        id
        state
        version
      }
    }
  }
`);

export const ARCHIVE_PROTOCOL = graphql(`
  mutation ArchiveProtocol($input: ArchiveProtocolInput!) {
    archiveProtocol(input: $input) {
      protocol {
        id
        state
        version
      }
    }
  }
`);

/** The actions with a form on this screen (UPDATE_DRAFT is the editor, a screen of its own). */
export type FormAction = Exclude<ProtocolAction, 'UPDATE_DRAFT'>;
export const FORM_ACTIONS: readonly FormAction[] = ['ACKNOWLEDGE', 'PUBLISH', 'ARCHIVE'];

/** Every action in the order the screen offers it; it shows those the API lists. */
export const PROTOCOL_ACTIONS: readonly ProtocolAction[] = [
  'ACKNOWLEDGE',
  'UPDATE_DRAFT',
  'PUBLISH',
  'ARCHIVE',
];

/** The API's limit on an archive reason. */
export const MAX_ARCHIVE_REASON = 1000;

/** How an action ended: the screen reloads the protocol and says so (a CONFLICT asks for a review). */
export type ProtocolActionResult =
  | { kind: 'done'; action: FormAction; number?: number }
  | { kind: 'conflict' };

/** Field → message key; empty when the archive may be sent. */
export function validateArchive(reason: string): Record<string, string> {
  return reason.trim().length > MAX_ARCHIVE_REASON ? { reason: 'form.tooLong' } : {};
}

/** What publishing the draft needs on `today` (the API's publicationProblems): a review-by date ahead. */
export function validatePublication(
  draft: { reviewBy?: string | null; effectiveDate?: string | null },
  today: string,
): Record<string, string> {
  const effective = draft.effectiveDate ?? today;
  if (draft.reviewBy && draft.reviewBy <= today) return { reviewBy: 'protocolActions.reviewByPast' };
  if (draft.reviewBy && draft.reviewBy <= effective) return { reviewBy: 'protocolForm.reviewByAfter' };
  return {};
}

export interface ActionableProtocol {
  id: string;
  title: string;
  version: number;
  availableActions: readonly ProtocolAction[];
  currentVersion?: { id: string; number: number } | null;
  draft?: {
    id: string;
    number: number;
    title: string;
    audience: readonly AgencyType[];
    requiresAcknowledgement: boolean;
    effectiveDate?: string | null;
    reviewBy?: string | null;
  } | null;
}

/** What a form reports when it is done: the screen's result, or CONFLICT for review. */
type FormDone = (result: ProtocolActionResult) => void;

/**
 * The actions the caller may take on the protocol now, as the API lists them (`availableActions`:
 * the policy and the lifecycles — PUBLISH only with a draft, ACKNOWLEDGE only for a version in
 * force), through the record screens' `ActionPanel`; nothing else is shown. Publish and archive
 * carry the protocol's version as the person saw it: if someone else changed it meanwhile, the API
 * answers CONFLICT and the screen reloads it for review.
 */
export function ProtocolActions(props: {
  protocol: ActionableProtocol;
  agencyName?: string;
  today: string;
  onDone: FormDone;
}) {
  const { t } = useTranslation();
  const { protocol } = props;
  const label = (action: ProtocolAction) =>
    action !== 'UPDATE_DRAFT'
      ? t(`protocolActions.button.${action}`)
      : protocol.draft
        ? t('protocolActions.editDraft')
        : t('protocolActions.startVersion', { number: (protocol.currentVersion?.number ?? 0) + 1 });
  return (
    <ActionPanel
      actions={PROTOCOL_ACTIONS.filter((action) => protocol.availableActions.includes(action))}
      version={protocol.version}
      label={label}
      linkTo={(action) => (action === 'UPDATE_DRAFT' ? `/protocols/${protocol.id}/edit` : undefined)}
      form={(action, { onCancel, onFinished }) => {
        const onDone: FormDone = (result) => {
          onFinished();
          props.onDone(result);
        };
        // The API lists ACKNOWLEDGE only with a version in force and PUBLISH only with a draft.
        if (action === 'ACKNOWLEDGE' && protocol.currentVersion)
          return (
            <AcknowledgeForm
              protocol={protocol}
              version={protocol.currentVersion}
              agencyName={props.agencyName}
              onCancel={onCancel}
              onDone={onDone}
            />
          );
        if (action === 'PUBLISH' && protocol.draft)
          return (
            <PublishForm
              protocol={protocol}
              draft={protocol.draft}
              today={props.today}
              onCancel={onCancel}
              onDone={onDone}
            />
          );
        if (action === 'ARCHIVE')
          return <ArchiveForm protocol={protocol} onCancel={onCancel} onDone={onDone} />;
        return null;
      }}
    />
  );
}

/** Confirms, on behalf of the caller's agency, that it read the version in force. */
export function AcknowledgeForm(props: {
  protocol: { title: string };
  version: { id: string; number: number };
  agencyName?: string;
  onCancel: () => void;
  onDone: FormDone;
}) {
  const { t } = useTranslation();
  const [acknowledge] = useMutation(ACKNOWLEDGE_PROTOCOL);
  const { number } = props.version;
  const form = useActionForm({
    initial: () => ({}),
    validate: () => ({}),
    run: () => acknowledge({ variables: { input: { versionId: props.version.id } } }),
    onDone: (result) =>
      props.onDone(result.kind === 'done' ? { kind: 'done', action: 'ACKNOWLEDGE', number } : result),
  });
  return (
    <ActionFormFrame
      heading={t('protocolActions.button.ACKNOWLEDGE')}
      explain={t('protocolActions.explain.ACKNOWLEDGE', {
        agency: props.agencyName ?? t('protocolActions.yourAgency'),
        number,
        title: props.protocol.title,
      })}
      confirm={t('protocolActions.confirm.ACKNOWLEDGE', { number })}
      form={form}
      onCancel={props.onCancel}
    />
  );
}

/**
 * Puts the draft in force: says what will be published (its audience and whether each agency must
 * acknowledge it, both set in the draft), checks its review-by date is ahead, and publishes the
 * version the person reviewed (`expectedVersion`).
 */
export function PublishForm(props: {
  protocol: { id: string; version: number };
  draft: NonNullable<ActionableProtocol['draft']>;
  today: string;
  onCancel: () => void;
  onDone: FormDone;
}) {
  const { t, i18n } = useTranslation();
  const { draft } = props;
  const [publish] = useMutation(PUBLISH_PROTOCOL);
  const form = useActionForm({
    initial: () => ({}),
    validate: () => validatePublication(draft, props.today),
    run: () =>
      publish({ variables: { input: { versionId: draft.id, expectedVersion: props.protocol.version } } }),
    onDone: (result) =>
      props.onDone(
        result.kind === 'done' ? { kind: 'done', action: 'PUBLISH', number: draft.number } : result,
      ),
    // The review-by date is the draft's, not a field here: its refusal says so, with the way to the editor.
    fields: ['reviewBy'],
    problemKey: () => 'protocolActions.reviewByRefused',
  });
  const reviewByError = form.error('reviewBy');

  return (
    <ActionFormFrame
      heading={t('protocolActions.button.PUBLISH')}
      explain={t('protocolActions.explain.PUBLISH', { number: draft.number })}
      confirm={t('protocolActions.confirm.PUBLISH', { number: draft.number })}
      warning={t('protocolActions.warning.PUBLISH')}
      form={form}
      onCancel={props.onCancel}
    >
      <dl className="hub-facts">
        <Fact label={t('protocol.titleField')}>{draft.title}</Fact>
        <Fact label={t('protocol.audience')}>
          {draft.audience.map((type) => t(`agencyType.${type}`)).join(', ')}
        </Fact>
        <Fact label={t('protocol.requiresAcknowledgement')}>
          {draft.requiresAcknowledgement ? t('common.yes') : t('common.no')}
        </Fact>
        <Fact label={t('protocol.effectiveDate')}>
          {draft.effectiveDate
            ? formatDate(draft.effectiveDate, i18n.language)
            : t('protocolActions.effectiveOnPublication')}
        </Fact>
        <Fact label={t('protocol.reviewBy')}>
          {draft.reviewBy ? formatDate(draft.reviewBy, i18n.language) : '—'}
        </Fact>
      </dl>
      {reviewByError && (
        <p className="usa-error-message" role="alert">
          {reviewByError}{' '}
          <Link className="usa-link" to={`/protocols/${props.protocol.id}/edit`}>
            {t('protocolActions.editDraft')}
          </Link>
        </p>
      )}
      <p>{t('protocolActions.audienceInDraft')}</p>
    </ActionFormFrame>
  );
}

/** Withdraws the whole protocol, with an optional reason; it cannot be undone. */
export function ArchiveForm(props: {
  protocol: { id: string; version: number };
  onCancel: () => void;
  onDone: FormDone;
}) {
  const { t } = useTranslation();
  const [archive] = useMutation(ARCHIVE_PROTOCOL);
  const form = useActionForm({
    initial: () => ({ reason: '' }),
    validate: (values) => validateArchive(values.reason),
    run: (values) =>
      archive({
        variables: {
          input: {
            protocolId: props.protocol.id,
            expectedVersion: props.protocol.version,
            reason: values.reason.trim() || undefined,
          },
        },
      }),
    onDone: (result) => props.onDone(result.kind === 'done' ? { kind: 'done', action: 'ARCHIVE' } : result),
    fields: ['reason'],
  });
  return (
    <ActionFormFrame
      heading={t('protocolActions.button.ARCHIVE')}
      explain={t('protocolActions.explain.ARCHIVE')}
      confirm={t('protocolActions.confirm.ARCHIVE')}
      warning={t('protocolActions.warning.ARCHIVE')}
      ending
      form={form}
      onCancel={props.onCancel}
    >
      <TextAreaField
        id="archive-reason"
        label={t('protocolActions.archiveReason')}
        hint={t('protocolActions.archiveReasonHint')}
        value={form.values.reason}
        onChange={(reason) => form.set('reason', reason)}
        error={form.error('reason')}
      />
    </ActionFormFrame>
  );
}
