import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup, Checkbox } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { changedFields } from '../forms/changes';
import { VersionedEditBody } from '../forms/conflict-review';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useFormSubmission } from '../forms/form-submission';
import { isDay } from '../forms/patterns';
import { useVersionedEdit } from '../forms/versioned-edit';
import { graphql } from '../gql';
import type { AgencyType, ProtocolCategory, ProtocolEditFragment } from '../gql/graphql';
import { Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { AGENCY_TYPES, PROTOCOL_CATEGORIES } from './enums';
import { ProtocolText } from './protocol';
import { MY_TASK_FORCES } from './protocols';
import { Fact } from './survivor-fields';

/** The API's limits (protocol.inputs.ts, protocol-content.ts). */
export const PROTOCOL_LIMITS = {
  title: 200,
  body: 30_000,
  summaryOfChanges: 2000,
  earliestDate: '2000-01-01',
  latestDate: '2100-12-31',
} as const;

export const PROTOCOL_PREVIEW = graphql(`
  query ProtocolPreview($body: String!) {
    protocolPreview(body: $body) {
      bodyHtml
    }
  }
`);

export const CREATE_PROTOCOL = graphql(`
  mutation CreateProtocol($input: CreateProtocolInput!) {
    createProtocol(input: $input) {
      protocol {
        id
      }
    }
  }
`);

export const UPDATE_PROTOCOL_DRAFT = graphql(`
  mutation UpdateProtocolDraft($input: UpdateProtocolDraftInput!) {
    updateProtocolDraft(input: $input) {
      protocol {
        id
        version
      }
    }
  }
`);

/** A version as the editor starts from it. */
export const PROTOCOL_EDIT = graphql(`
  fragment ProtocolEdit on ProtocolVersion {
    id
    number
    title
    category
    audience
    requiresAcknowledgement
    effectiveDate
    reviewBy
    summaryOfChanges
    body
    bodyHtml
  }
`);

export const PROTOCOL_FOR_EDIT = graphql(`
  query ProtocolForEdit($id: ID!) {
    protocol(id: $id) {
      id
      title
      version
      availableActions
      draft {
        ...ProtocolEdit
      }
      currentVersion {
        ...ProtocolEdit
      }
    }
  }
`);

export interface ProtocolFormValues {
  title: string;
  category: ProtocolCategory | '';
  audience: AgencyType[];
  requiresAcknowledgement: boolean;
  /** YYYY-MM-DD or blank */
  effectiveDate: string;
  reviewBy: string;
  summaryOfChanges: string;
  /** Markdown */
  body: string;
}

export const EMPTY_PROTOCOL: ProtocolFormValues = {
  title: '',
  category: '',
  audience: [],
  requiresAcknowledgement: true,
  effectiveDate: '',
  reviewBy: '',
  summaryOfChanges: '',
  body: '',
};

/**
 * What the editor starts from: the draft as it is, or, when there is none, the version in force as
 * the API starts the next version from it (its content, without its dates or summary of changes).
 */
export function valuesOf(protocol: {
  draft?: ProtocolEditFragment | null;
  currentVersion?: ProtocolEditFragment | null;
}): ProtocolFormValues {
  const version = protocol.draft ?? protocol.currentVersion;
  if (!version) return EMPTY_PROTOCOL;
  const fresh = !protocol.draft;
  return {
    title: version.title,
    category: version.category,
    audience: [...version.audience],
    requiresAcknowledgement: version.requiresAcknowledgement,
    effectiveDate: fresh ? '' : (version.effectiveDate ?? ''),
    reviewBy: fresh ? '' : (version.reviewBy ?? ''),
    summaryOfChanges: fresh ? '' : (version.summaryOfChanges ?? ''),
    body: version.body,
  };
}

/** Field → the key of its message; empty when the version may be saved. Same limits as the API. */
export function validateProtocol(values: ProtocolFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const { earliestDate, latestDate } = PROTOCOL_LIMITS;
  if (!values.title.trim()) errors['title'] = 'form.required';
  else if (values.title.trim().length > PROTOCOL_LIMITS.title) errors['title'] = 'form.tooLong';
  if (!values.category) errors['category'] = 'form.chooseOne';
  if (values.audience.length === 0) errors['audience'] = 'form.chooseAtLeastOne';
  if (!values.body.trim()) errors['body'] = 'form.required';
  else if (values.body.length > PROTOCOL_LIMITS.body) errors['body'] = 'form.tooLong';
  if (values.summaryOfChanges.trim().length > PROTOCOL_LIMITS.summaryOfChanges)
    errors['summaryOfChanges'] = 'form.tooLong';
  for (const field of ['effectiveDate', 'reviewBy'] as const) {
    const day = values[field].trim();
    if (!day) continue;
    if (!isDay(day)) errors[field] = 'form.date';
    else if (day < earliestDate || day > latestDate) errors[field] = 'protocolForm.dateRange';
  }
  const effective = values.effectiveDate.trim();
  const reviewBy = values.reviewBy.trim();
  if (!errors['effectiveDate'] && !errors['reviewBy'] && effective && reviewBy && reviewBy <= effective)
    errors['reviewBy'] = 'protocolForm.reviewByAfter';
  return errors;
}

/** Each field as the API takes it: trimmed; a blank optional field is null (which clears it on update). */
function contentOf(values: ProtocolFormValues) {
  return {
    title: values.title.trim(),
    category: values.category as ProtocolCategory,
    audience: values.audience,
    requiresAcknowledgement: values.requiresAcknowledgement,
    effectiveDate: values.effectiveDate.trim() || null,
    reviewBy: values.reviewBy.trim() || null,
    summaryOfChanges: values.summaryOfChanges.trim() || null,
    body: values.body,
  };
}

/** createProtocol's input: what was filled in, in the task force chosen, with the form's idempotency key. */
export function createProtocolInput(values: ProtocolFormValues, taskForceId: string, idempotencyKey: string) {
  const content = contentOf(values);
  return {
    taskForceId,
    idempotencyKey,
    title: content.title,
    category: content.category,
    audience: content.audience,
    requiresAcknowledgement: content.requiresAcknowledgement,
    body: content.body,
    ...(content.effectiveDate && { effectiveDate: content.effectiveDate }),
    ...(content.reviewBy && { reviewBy: content.reviewBy }),
    ...(content.summaryOfChanges && { summaryOfChanges: content.summaryOfChanges }),
  };
}

/** Only the fields the person changed from what they started from: a change made meanwhile to another stays. */
export function draftChanges(base: ProtocolFormValues, values: ProtocolFormValues) {
  const content = contentOf(values);
  return Object.fromEntries(changedFields(base, values).map((field) => [field, content[field]])) as Partial<
    ReturnType<typeof contentOf>
  >;
}

/** The form's field of a problem the API named (`audience[0]` → audience). */
const formField = (field: string) => {
  const name = field.replace(/[[.].*$/, '');
  return name in EMPTY_PROTOCOL ? name : name === 'taskForceId' ? 'taskForceId' : null;
};

/** A new protocol and its first draft, in one of the caller's task forces. One idempotency key per form. */
export function ProtocolCreateScreen() {
  const { t } = useTranslation();
  usePageTitle(t('protocolForm.createTitle'));
  const navigate = useNavigate();
  const idempotencyKey = useRef(crypto.randomUUID()).current;
  const [create] = useMutation(CREATE_PROTOCOL);
  const { data } = useQuery(MY_TASK_FORCES, { fetchPolicy: 'cache-first' });
  const taskForces = data?.me.taskForces.map(({ taskForce }) => taskForce) ?? [];
  const [taskForceId, setTaskForceId] = useState('');
  const chosen = taskForceId || (taskForces.length === 1 ? taskForces[0].id : '');
  return (
    <>
      <h1>{t('protocolForm.createTitle')}</h1>
      <p className="usa-intro">{t('protocolForm.intro')}</p>
      <ProtocolForm
        initial={EMPTY_PROTOCOL}
        submitLabel={t('protocolForm.create')}
        cancelTo="/protocols"
        extraErrors={chosen ? {} : { taskForceId: 'form.chooseOne' }}
        before={(errors) => (
          <SelectField
            id="taskForceId"
            label={t('protocols.taskForce')}
            required
            value={chosen}
            placeholder={t('form.select')}
            options={taskForces.map((taskForce) => ({ value: taskForce.id, label: taskForce.name }))}
            onChange={setTaskForceId}
            error={errors['taskForceId'] ? t(errors['taskForceId']) : undefined}
          />
        )}
        onSubmit={async (values) => {
          const created = await create({
            variables: { input: createProtocolInput(values, chosen, idempotencyKey) },
          });
          const id = created.data?.createProtocol.protocol.id;
          if (!id) throw new Error('createProtocol answered no protocol');
          await navigate(`/protocols/${id}`, { state: { done: 'CREATED' } });
        }}
      />
    </>
  );
}

/**
 * Edits the draft (or starts the next version from the one in force) with the protocol's version the
 * person read. When someone else saved first (CONFLICT), their version is shown; the person may
 * re-apply their own changes onto it and save again, or keep theirs.
 */
export function ProtocolEditScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('protocolForm.editTitle'));
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(PROTOCOL_FOR_EDIT, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  const [update] = useMutation(UPDATE_PROTOCOL_DRAFT);
  const edit = useVersionedEdit<NonNullable<typeof data>['protocol'], ProtocolFormValues>({ valuesOf });

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error || !data) return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  const protocol = edit.record(data.protocol);
  if (!protocol.availableActions.includes('UPDATE_DRAFT')) {
    return <Notice type="error" level="h1" heading={t('protocolForm.notEditable')} />;
  }
  const starting = valuesOf(protocol);
  const nextNumber = protocol.draft?.number ?? (protocol.currentVersion?.number ?? 0) + 1;

  const save = (values: ProtocolFormValues) => {
    const changes = draftChanges(starting, values);
    return edit.save({
      record: protocol,
      values,
      changes,
      send: () =>
        update({
          variables: { input: { protocolId: protocol.id, expectedVersion: protocol.version, ...changes } },
        }),
      leave: (saved) =>
        navigate(`/protocols/${protocol.id}`, saved ? { state: { done: 'SAVED' } } : undefined),
      reload: async () => (await refetch()).data?.protocol,
    });
  };

  return (
    <>
      <h1>{t('protocolForm.editTitle')}</h1>
      <p>
        {protocol.draft
          ? t('protocolForm.editingDraft', { number: nextNumber, title: protocol.title })
          : t('protocolForm.startingVersion', { number: nextNumber, title: protocol.title })}
      </p>
      <VersionedEditBody
        edit={edit}
        review={{
          heading: t('protocol.conflictHeading'),
          text: t('protocolForm.conflict'),
          theirsHeading: t('protocolForm.theirVersion'),
        }}
        theirs={(theirs) => <TheirProtocolVersion version={theirs.draft ?? theirs.currentVersion} />}
      >
        <ProtocolForm
          initial={edit.initial(protocol)}
          submitLabel={t('protocolForm.save')}
          cancelTo={`/protocols/${protocol.id}`}
          onSubmit={save}
        />
      </VersionedEditBody>
    </>
  );
}

/** Their version of the protocol's text, as the conflict review shows it. */
function TheirProtocolVersion(props: { version: ProtocolEditFragment | null | undefined }) {
  const { t } = useTranslation();
  const { version } = props;
  if (!version) return <p>{t('protocolForm.noVersion')}</p>;
  return (
    <>
      <dl className="hub-facts">
        <Fact label={t('protocol.titleField')}>{version.title}</Fact>
        <Fact label={t('protocol.audience')}>
          {version.audience.map((type) => t(`agencyType.${type}`)).join(', ')}
        </Fact>
      </dl>
      <ProtocolText html={version.bodyHtml} label={t('protocolForm.theirVersion')} />
    </>
  );
}

/**
 * A version's content: title, category, audience, whether each audience agency must acknowledge it,
 * dates, summary of changes and the Markdown text, with a preview rendered by the API (the same
 * renderer and sanitiser readers get: what you see is what will be published).
 */
export function ProtocolForm(props: {
  initial: ProtocolFormValues;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (values: ProtocolFormValues) => Promise<void>;
  /** Fields before the content (the create form's task force), given the current errors. */
  before?: (errors: Record<string, string>) => React.ReactNode;
  /** Problems of those fields, found by the screen. */
  extraErrors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(props.initial);
  const form = useFormSubmission({
    id: 'protocol',
    validate: (current: ProtocolFormValues) => ({ ...validateProtocol(current), ...props.extraErrors }),
    submit: props.onSubmit,
    // The API's refusal of a field is shown at the field.
    refused: { field: (problem) => formField(problem.field), message: () => 'protocolForm.refused' },
  });
  const { errors, error } = form;
  const [preview, { data: previewed, loading: previewing, error: previewError, variables: previewedOf }] =
    useLazyQuery(PROTOCOL_PREVIEW, { fetchPolicy: 'no-cache' });
  const set = <K extends keyof ProtocolFormValues>(field: K, value: ProtocolFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const showPreview = () => {
    if (values.body.length > PROTOCOL_LIMITS.body) {
      form.setErrors((current) => ({ ...current, body: 'form.tooLong' }));
      return;
    }
    void preview({ variables: { body: values.body } });
  };
  const stale = previewed !== undefined && previewedOf?.body !== values.body;
  return (
    <form className="usa-form usa-form--large" noValidate onSubmit={(event) => form.onSubmit(event, values)}>
      {form.problems}
      {props.before?.(errors)}
      <TextField
        id="title"
        label={t('protocol.titleField')}
        required
        value={values.title}
        onChange={(value) => set('title', value)}
        error={error('title')}
      />
      <SelectField
        id="category"
        label={t('protocols.category')}
        required
        value={values.category}
        placeholder={t('form.select')}
        options={PROTOCOL_CATEGORIES.map((value) => ({ value, label: t(`protocolCategory.${value}`) }))}
        onChange={(value) => set('category', value as ProtocolCategory | '')}
        error={error('category')}
      />
      <ChoiceGroup
        id="audience"
        multiple
        required
        label={t('protocol.audience')}
        hint={t('protocolForm.audienceHint')}
        options={AGENCY_TYPES.map((value) => ({ value, label: t(`agencyType.${value}`) }))}
        selected={values.audience}
        onChange={(selected) => set('audience', selected as AgencyType[])}
        error={error('audience')}
      />
      <Checkbox
        id="requiresAcknowledgement"
        name="requiresAcknowledgement"
        className="margin-top-2"
        label={t('protocolForm.requiresAcknowledgement')}
        labelDescription={t('protocolForm.requiresAcknowledgementHint')}
        checked={values.requiresAcknowledgement}
        onChange={(event) => set('requiresAcknowledgement', event.target.checked)}
      />
      <TextField
        id="effectiveDate"
        label={t('protocol.effectiveDate')}
        hint={t('protocolForm.effectiveDateHint')}
        value={values.effectiveDate}
        onChange={(value) => set('effectiveDate', value)}
        error={error('effectiveDate')}
      />
      <TextField
        id="reviewBy"
        label={t('protocol.reviewBy')}
        hint={t('protocolForm.reviewByHint')}
        value={values.reviewBy}
        onChange={(value) => set('reviewBy', value)}
        error={error('reviewBy')}
      />
      <TextAreaField
        id="summaryOfChanges"
        label={t('protocol.summaryOfChanges')}
        hint={t('protocolForm.summaryHint')}
        value={values.summaryOfChanges}
        onChange={(value) => set('summaryOfChanges', value)}
        error={error('summaryOfChanges')}
      />
      <TextAreaField
        id="body"
        label={t('protocolForm.body')}
        hint={t('protocolForm.bodyHint')}
        required
        value={values.body}
        onChange={(value) => set('body', value)}
        error={error('body')}
      />
      <Button type="button" outline className="margin-top-2" onClick={showPreview} disabled={previewing}>
        {t('protocolForm.preview')}
      </Button>
      <section aria-labelledby="preview-heading" className="margin-top-3">
        <h2 id="preview-heading">{t('protocolForm.previewHeading')}</h2>
        <p role="status">
          {previewing
            ? t('app.loading')
            : previewError
              ? t('protocolForm.previewFailed')
              : previewed === undefined
                ? t('protocolForm.previewHint')
                : stale
                  ? t('protocolForm.previewStale')
                  : ''}
        </p>
        {previewed && !previewing && (
          <ProtocolText html={previewed.protocolPreview.bodyHtml} label={t('protocolForm.previewHeading')} />
        )}
      </section>
      <ButtonGroup className="margin-top-3">
        <Button type="submit" disabled={form.busy}>
          {props.submitLabel}
        </Button>
        <Link className="usa-button usa-button--outline" to={props.cancelTo}>
          {t('form.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}
