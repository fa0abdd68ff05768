import { useMutation } from '@apollo/client/react';
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionForm } from '../forms/action-form';
import { TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import type { AgencyType, ProtocolAction } from '../gql/graphql';
import { errorCode, problemsByField } from '../graphql/errors';
import { formatDate } from '../i18n';
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

/**
 * The actions the caller may take on the protocol now, as the API lists them (`availableActions`:
 * the policy and the lifecycles); nothing else is shown. Publish and archive carry the protocol's
 * version as the person saw it: if someone else changed it meanwhile, the API answers CONFLICT and
 * the screen reloads it for review.
 */
export function ProtocolActions(props: {
  protocol: ActionableProtocol;
  agencyName?: string;
  today: string;
  onDone: (result: ProtocolActionResult) => void;
}) {
  const { t } = useTranslation();
  const { protocol } = props;
  const [open, setOpen] = useState<FormAction | null>(null);
  const offered = (action: ProtocolAction) => protocol.availableActions.includes(action);
  const forms = FORM_ACTIONS.filter(offered);
  if (forms.length === 0 && !offered('UPDATE_DRAFT')) return null;

  const close = (action: FormAction) => {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(`protocol-action-${action}`)?.focus());
  };
  const button = (action: FormAction) => (
    <Button
      key={action}
      type="button"
      id={`protocol-action-${action}`}
      outline={open !== action}
      aria-expanded={open === action}
      aria-controls={open === action ? 'protocol-action-form' : undefined}
      onClick={() => setOpen(open === action ? null : action)}
    >
      {t(`protocolActions.button.${action}`)}
    </Button>
  );
  const done = (result: ProtocolActionResult) => {
    setOpen(null);
    props.onDone(result);
  };
  const editLabel = protocol.draft
    ? t('protocolActions.editDraft')
    : t('protocolActions.startVersion', { number: (protocol.currentVersion?.number ?? 0) + 1 });

  return (
    <section aria-labelledby="protocol-actions-heading">
      <h2 id="protocol-actions-heading">{t('actions.heading')}</h2>
      <ButtonGroup>
        {offered('ACKNOWLEDGE') && button('ACKNOWLEDGE')}
        {offered('UPDATE_DRAFT') && (
          <Link className="usa-button usa-button--outline" to={`/protocols/${protocol.id}/edit`}>
            {editLabel}
          </Link>
        )}
        {offered('PUBLISH') && protocol.draft && button('PUBLISH')}
        {offered('ARCHIVE') && button('ARCHIVE')}
      </ButtonGroup>
      {open === 'ACKNOWLEDGE' && protocol.currentVersion && (
        <AcknowledgeForm
          protocol={protocol}
          version={protocol.currentVersion}
          agencyName={props.agencyName}
          onCancel={() => close('ACKNOWLEDGE')}
          onDone={done}
        />
      )}
      {open === 'PUBLISH' && protocol.draft && (
        <PublishForm
          protocol={protocol}
          draft={protocol.draft}
          today={props.today}
          onCancel={() => close('PUBLISH')}
          onDone={done}
        />
      )}
      {open === 'ARCHIVE' && (
        <ArchiveForm protocol={protocol} onCancel={() => close('ARCHIVE')} onDone={done} />
      )}
    </section>
  );
}

/** Confirms, on behalf of the caller's agency, that it read the version in force. */
export function AcknowledgeForm(props: {
  protocol: { title: string };
  version: { id: string; number: number };
  agencyName?: string;
  onCancel: () => void;
  onDone: (result: ProtocolActionResult) => void;
}) {
  const { t } = useTranslation();
  const [acknowledge, { loading }] = useMutation(ACKNOWLEDGE_PROTOCOL);
  const [failure, setFailure] = useState<unknown>(null);
  const { number } = props.version;
  const submit = async () => {
    setFailure(null);
    try {
      await acknowledge({ variables: { input: { versionId: props.version.id } } });
      props.onDone({ kind: 'done', action: 'ACKNOWLEDGE', number });
    } catch (caught) {
      setFailure(caught);
    }
  };
  return (
    <ActionForm
      id="protocol-action-form"
      heading={t('protocolActions.button.ACKNOWLEDGE')}
      explain={t('protocolActions.explain.ACKNOWLEDGE', {
        agency: props.agencyName ?? t('protocolActions.yourAgency'),
        number,
        title: props.protocol.title,
      })}
      confirmLabel={t('protocolActions.confirm.ACKNOWLEDGE', { number })}
      busy={loading}
      failure={failure}
      onSubmit={() => void submit()}
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
  onDone: (result: ProtocolActionResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const { draft } = props;
  const [publish, { loading }] = useMutation(PUBLISH_PROTOCOL);
  const [failure, setFailure] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refused = problemsByField(failure, (field) => (field === 'reviewBy' ? 'reviewBy' : null));
  const reviewByError =
    errors['reviewBy'] ?? (refused['reviewBy'] ? 'protocolActions.reviewByRefused' : null);

  const submit = async () => {
    const found = validatePublication(draft, props.today);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    try {
      await publish({
        variables: { input: { versionId: draft.id, expectedVersion: props.protocol.version } },
      });
      props.onDone({ kind: 'done', action: 'PUBLISH', number: draft.number });
    } catch (caught) {
      if (errorCode(caught) === 'CONFLICT') props.onDone({ kind: 'conflict' });
      else setFailure(caught);
    }
  };

  return (
    <ActionForm
      id="protocol-action-form"
      heading={t('protocolActions.button.PUBLISH')}
      explain={t('protocolActions.explain.PUBLISH', { number: draft.number })}
      confirmLabel={t('protocolActions.confirm.PUBLISH', { number: draft.number })}
      warning={t('protocolActions.warning.PUBLISH')}
      busy={loading}
      failure={failure}
      onSubmit={() => void submit()}
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
          {t(reviewByError)}{' '}
          <Link className="usa-link" to={`/protocols/${props.protocol.id}/edit`}>
            {t('protocolActions.editDraft')}
          </Link>
        </p>
      )}
      <p>{t('protocolActions.audienceInDraft')}</p>
    </ActionForm>
  );
}

/** Withdraws the whole protocol, with an optional reason; it cannot be undone. */
export function ArchiveForm(props: {
  protocol: { id: string; version: number };
  onCancel: () => void;
  onDone: (result: ProtocolActionResult) => void;
}) {
  const { t } = useTranslation();
  const [archive, { loading }] = useMutation(ARCHIVE_PROTOCOL);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async () => {
    const found = validateArchive(reason);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => document.getElementById('archive-reason')?.focus());
      return;
    }
    try {
      await archive({
        variables: {
          input: {
            protocolId: props.protocol.id,
            expectedVersion: props.protocol.version,
            reason: reason.trim() || undefined,
          },
        },
      });
      props.onDone({ kind: 'done', action: 'ARCHIVE' });
    } catch (caught) {
      if (errorCode(caught) === 'CONFLICT') props.onDone({ kind: 'conflict' });
      else setFailure(caught);
    }
  };
  return (
    <ActionForm
      id="protocol-action-form"
      heading={t('protocolActions.button.ARCHIVE')}
      explain={t('protocolActions.explain.ARCHIVE')}
      confirmLabel={t('protocolActions.confirm.ARCHIVE')}
      warning={t('protocolActions.warning.ARCHIVE')}
      secondary
      busy={loading}
      failure={failure}
      onSubmit={() => void submit()}
      onCancel={props.onCancel}
    >
      <TextAreaField
        id="archive-reason"
        label={t('protocolActions.archiveReason')}
        hint={t('protocolActions.archiveReasonHint')}
        value={reason}
        onChange={setReason}
        error={errors['reason'] ? t(errors['reason']) : undefined}
      />
    </ActionForm>
  );
}
