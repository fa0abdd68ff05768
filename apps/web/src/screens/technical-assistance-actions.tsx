import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorMessage, Fieldset, FormGroup } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, TextAreaField, TextField } from '../forms/fields';
import { isDay, wholeNumber } from '../forms/patterns';
import { graphql } from '../gql';
import type {
  TechnicalAssistanceAction,
  TechnicalAssistanceAudience,
  TechnicalAssistanceModality,
  TechnicalAssistancePriority,
} from '../gql/graphql';
import { utcToday } from '../i18n';
import { Notice } from '../notice';
import { TA_AUDIENCES, TA_MODALITIES, TA_PRIORITIES } from './enums';
import { type ActionResult, ActionFormFrame, ActionPanel, useActionForm } from './record-actions';
import { MAX_ATTENDEES } from './technical-assistance-request-form';

/** What a move answers: the request's new status and version (the screen then reloads it). */
export const TA_MOVED = graphql(`
  fragment TechnicalAssistanceMoved on TechnicalAssistanceRequest {
    id
    status
    version
  }
`);
export const TRIAGE_TA = graphql(`
  mutation TriageTechnicalAssistance($input: TriageTechnicalAssistanceInput!) {
    triageTechnicalAssistance(input: $input) {
      request {
        ...TechnicalAssistanceMoved
      }
    }
  }
`);
export const ASSIGN_TA = graphql(`
  mutation AssignTechnicalAssistance($input: AssignTechnicalAssistanceInput!) {
    assignTechnicalAssistance(input: $input) {
      request {
        ...TechnicalAssistanceMoved
      }
    }
  }
`);
export const START_TA = graphql(`
  mutation StartTechnicalAssistance($input: StartTechnicalAssistanceInput!) {
    startTechnicalAssistance(input: $input) {
      request {
        ...TechnicalAssistanceMoved
      }
    }
  }
`);
export const RECORD_TA_SESSION = graphql(`
  mutation RecordTechnicalAssistanceSession($input: RecordTechnicalAssistanceSessionInput!) {
    recordTechnicalAssistanceSession(input: $input) {
      request {
        ...TechnicalAssistanceMoved
      }
      session {
        id
      }
    }
  }
`);
export const DELIVER_TA = graphql(`
  mutation DeliverTechnicalAssistance($input: DeliverTechnicalAssistanceInput!) {
    deliverTechnicalAssistance(input: $input) {
      request {
        ...TechnicalAssistanceMoved
      }
    }
  }
`);
export const CLOSE_TA = graphql(`
  mutation CloseTechnicalAssistance($input: CloseTechnicalAssistanceInput!) {
    closeTechnicalAssistance(input: $input) {
      request {
        ...TechnicalAssistanceMoved
      }
    }
  }
`);
export const DECLINE_TA = graphql(`
  mutation DeclineTechnicalAssistance($input: DeclineTechnicalAssistanceInput!) {
    declineTechnicalAssistance(input: $input) {
      request {
        ...TechnicalAssistanceMoved
      }
    }
  }
`);
export const WITHDRAW_TA = graphql(`
  mutation WithdrawTechnicalAssistance($input: WithdrawTechnicalAssistanceInput!) {
    withdrawTechnicalAssistance(input: $input) {
      request {
        ...TechnicalAssistanceMoved
      }
    }
  }
`);
/** The agencies a request can be assigned to: TA providers and federal partners (the API refuses others). */
export const TA_PROVIDERS_QUERY = graphql(`
  query TechnicalAssistanceProviders {
    providers: agencies(type: TA_PROVIDER, first: 100) {
      edges {
        node {
          id
          name
          type
          jurisdiction
          status
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    federalPartners: agencies(type: FEDERAL_PARTNER, first: 100) {
      edges {
        node {
          id
          name
          type
          jurisdiction
          status
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** The lifecycle's moves (MESSAGE is the thread's, below the timeline). */
export type TaTransition = Exclude<TechnicalAssistanceAction, 'MESSAGE'>;

/** In the order a request moves forward, then the ones that end it early; the screen shows those the API lists. */
export const TA_TRANSITIONS: readonly TaTransition[] = [
  'TRIAGE',
  'ASSIGN',
  'START',
  'RECORD_SESSION',
  'DELIVER',
  'CLOSE',
  'DECLINE',
  'WITHDRAW',
];

/** Moves that cannot be undone: a warning before confirming. */
export const TA_IRREVERSIBLE: ReadonlySet<TaTransition> = new Set([
  'DELIVER',
  'CLOSE',
  'DECLINE',
  'WITHDRAW',
]);

/** Each move's mutation: one input, the request back. */
export const TA_MUTATIONS = {
  TRIAGE: TRIAGE_TA,
  ASSIGN: ASSIGN_TA,
  START: START_TA,
  RECORD_SESSION: RECORD_TA_SESSION,
  DELIVER: DELIVER_TA,
  CLOSE: CLOSE_TA,
  DECLINE: DECLINE_TA,
  WITHDRAW: WITHDRAW_TA,
} as const;

/** Every input of every move's form, named as the API's inputs name them (its problems are shown there). */
export interface TaActionValues {
  priority: TechnicalAssistancePriority | '';
  /** Triage and assignment: recorded with the step. */
  note: string;
  agencyId: string;
  assigneeName: string;
  /** Decline (required) and withdraw (optional). */
  reason: string;
  heldOn: string;
  modality: TechnicalAssistanceModality | '';
  hours: string;
  /** A training has attendance; a consultation none. */
  kind: 'CONSULTATION' | 'TRAINING' | '';
  /** Attendees per audience, as typed (blank: none). */
  attendance: Partial<Record<TechnicalAssistanceAudience, string>>;
  /** One title or link a line. */
  materials: string;
  notes: string;
  summary: string;
  rating: string;
  feedback: string;
}

export const emptyTaActionValues = (request: { modality: TechnicalAssistanceModality }): TaActionValues => ({
  priority: '',
  note: '',
  agencyId: '',
  assigneeName: '',
  reason: '',
  heldOn: '',
  modality: request.modality,
  hours: '',
  kind: '',
  attendance: {},
  materials: '',
  notes: '',
  summary: '',
  rating: '',
  feedback: '',
});

/** The form fields of each move (the API's problems for them are shown at the field). */
export const TA_ACTION_FIELDS: Record<TaTransition, readonly (keyof TaActionValues)[]> = {
  TRIAGE: ['priority', 'note'],
  ASSIGN: ['agencyId', 'assigneeName', 'note'],
  START: [],
  RECORD_SESSION: ['heldOn', 'modality', 'hours', 'attendance', 'materials', 'notes'],
  DELIVER: ['summary'],
  CLOSE: ['rating', 'feedback'],
  DECLINE: ['reason'],
  WITHDRAW: ['reason'],
};

/** The API's limits (technical-assistance.input.ts). */
const LIMITS = {
  note: 2000,
  assigneeName: 200,
  reason: 1000,
  notes: 4000,
  summary: 4000,
  feedback: 4000,
  material: 300,
  materials: 20,
  hours: 24,
};
const HOURS = /^\d{1,2}(\.\d{1,2})?$/;

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The attendance typed, as the API takes it: audiences with at least one attendee. */
export function attendanceOf(values: TaActionValues) {
  return TA_AUDIENCES.flatMap((audience) => {
    const attendees = wholeNumber(values.attendance[audience] ?? '', 0, MAX_ATTENDEES);
    return attendees ? [{ audience, attendees }] : [];
  });
}

/**
 * Field → the key of its message; empty when the move may be sent. The API's rules: `today` is the
 * UTC day (YYYY-MM-DD), `requestedOn` the day the request was made (a session is held between).
 */
export function validateTaAction(
  action: TaTransition,
  values: TaActionValues,
  days: { today: string; requestedOn: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const tooLong = (field: 'note' | 'assigneeName' | 'reason' | 'notes' | 'summary' | 'feedback') => {
    if (values[field].trim().length > LIMITS[field]) errors[field] = 'form.tooLong';
  };
  switch (action) {
    case 'TRIAGE':
      if (!values.priority) errors['priority'] = 'form.chooseOne';
      tooLong('note');
      break;
    case 'ASSIGN':
      if (!values.agencyId) errors['agencyId'] = 'ta.form.chooseProvider';
      tooLong('assigneeName');
      tooLong('note');
      break;
    case 'DECLINE':
      if (!values.reason.trim()) errors['reason'] = 'form.required';
      tooLong('reason');
      break;
    case 'WITHDRAW':
      tooLong('reason');
      break;
    case 'DELIVER':
      tooLong('summary');
      break;
    case 'CLOSE':
      if (wholeNumber(values.rating, 1, 5) === null) errors['rating'] = 'ta.form.rating';
      tooLong('feedback');
      break;
    case 'RECORD_SESSION': {
      const heldOn = values.heldOn.trim();
      if (!heldOn) errors['heldOn'] = 'form.required';
      else if (!isDay(heldOn)) errors['heldOn'] = 'form.date';
      else if (heldOn > days.today) errors['heldOn'] = 'ta.form.notFuture';
      else if (heldOn < days.requestedOn) errors['heldOn'] = 'ta.form.beforeRequest';
      if (!values.modality) errors['modality'] = 'form.chooseOne';
      const hours = values.hours.trim();
      if (!HOURS.test(hours) || Number(hours) <= 0 || Number(hours) > LIMITS.hours) {
        errors['hours'] = 'ta.form.hours';
      }
      if (!values.kind) errors['kind'] = 'form.chooseOne';
      if (values.kind === 'TRAINING') {
        for (const audience of TA_AUDIENCES) {
          const typed = values.attendance[audience]?.trim() ?? '';
          if (typed && wholeNumber(typed, 0, MAX_ATTENDEES) === null) {
            errors[`attendance-${audience}`] = 'ta.form.count';
          }
        }
        const total = attendanceOf(values).reduce((sum, entry) => sum + entry.attendees, 0);
        if (total === 0) errors['attendance'] = 'ta.form.trainingNeedsAttendance';
        else if (total > MAX_ATTENDEES) errors['attendance'] = 'ta.form.attendanceTotal';
      }
      const materials = linesOf(values.materials);
      if (materials.length > LIMITS.materials) errors['materials'] = 'ta.form.tooManyMaterials';
      else if (materials.some((line) => line.length > LIMITS.material)) errors['materials'] = 'form.tooLong';
      tooLong('notes');
      break;
    }
    case 'START':
      break;
  }
  return errors;
}

/** The mutation's input from the form: the version seen, trimmed text, blank optional text left out. */
export function taActionInput(
  action: TaTransition,
  request: { id: string; version: number },
  values: TaActionValues,
): Record<string, unknown> {
  const base = { requestId: request.id, expectedVersion: request.version };
  const optional = (text: string) => text.trim() || undefined;
  switch (action) {
    case 'TRIAGE':
      return { ...base, priority: values.priority, note: optional(values.note) };
    case 'ASSIGN':
      return {
        ...base,
        agencyId: values.agencyId,
        assigneeName: optional(values.assigneeName),
        note: optional(values.note),
      };
    case 'RECORD_SESSION': {
      const materials = linesOf(values.materials);
      return {
        ...base,
        heldOn: values.heldOn.trim(),
        modality: values.modality,
        hours: Number(values.hours.trim()),
        attendance: values.kind === 'TRAINING' ? attendanceOf(values) : undefined,
        materials: materials.length ? materials : undefined,
        notes: optional(values.notes),
      };
    }
    case 'DELIVER':
      return { ...base, summary: optional(values.summary) };
    case 'CLOSE':
      return { ...base, rating: Number(values.rating), feedback: optional(values.feedback) };
    case 'DECLINE':
      return { ...base, reason: values.reason.trim() };
    case 'WITHDRAW':
      return { ...base, reason: optional(values.reason) };
    case 'START':
      return base;
  }
}

/** What the request screen needs to offer the moves and fill their forms. */
export interface TaActionRequest {
  id: string;
  version: number;
  createdAt: string;
  modality: TechnicalAssistanceModality;
  audiences: readonly TechnicalAssistanceAudience[];
  availableActions: readonly TechnicalAssistanceAction[];
}

/**
 * The moves the caller may make now, as the API lists them (`availableActions`), each a button
 * opening its form; every change carries the version seen, and a CONFLICT reloads for review.
 */
export function TechnicalAssistanceActions(props: {
  request: TaActionRequest;
  onDone: (result: ActionResult<TaTransition | 'REQUESTED'>) => void;
}) {
  const { t } = useTranslation();
  return (
    <ActionPanel
      actions={TA_TRANSITIONS.filter((action) => props.request.availableActions.includes(action))}
      version={props.request.version}
      label={(action) => t(`ta.actions.button.${action}`)}
      form={(action, { onCancel, onFinished }) => (
        <TaActionForm
          action={action}
          request={props.request}
          onCancel={onCancel}
          onDone={(result) => {
            onFinished();
            props.onDone(result);
          }}
        />
      )}
    />
  );
}

/** One move's form: its inputs, what will happen, and the confirming button. */
export function TaActionForm(props: {
  action: TaTransition;
  request: TaActionRequest;
  onCancel: () => void;
  onDone: (result: ActionResult<TaTransition>) => void;
}) {
  const { t } = useTranslation();
  const { action, request } = props;
  // Every mutation has the same shape for this form: one input, the request back.
  const [mutate] = useMutation(TA_MUTATIONS[action] as typeof START_TA);
  const form = useActionForm({
    initial: () => emptyTaActionValues(request),
    validate: (values) =>
      validateTaAction(action, values, { today: utcToday(), requestedOn: request.createdAt.slice(0, 10) }),
    run: (values) => mutate({ variables: { input: taActionInput(action, request, values) as never } }),
    onDone: (result) => props.onDone(result.kind === 'done' ? { kind: 'done', action } : result),
    fields: TA_ACTION_FIELDS[action],
    problemKey: (field) => `ta.problem.${field}`,
  });
  const { values, set, error } = form;
  const text = (
    field: 'note' | 'assigneeName' | 'reason' | 'notes' | 'summary' | 'feedback',
    options: { area?: boolean; required?: boolean; label?: string; hint?: string } = {},
  ) => {
    const Field = options.area === false ? TextField : TextAreaField;
    return (
      <Field
        id={field}
        label={options.label ?? t(`ta.actions.field.${field}`)}
        hint={options.hint}
        required={options.required}
        value={values[field]}
        onChange={(value) => set(field, value)}
        error={error(field)}
      />
    );
  };

  return (
    <ActionFormFrame
      heading={t(`ta.actions.button.${action}`)}
      explain={t(`ta.actions.explain.${action}`)}
      warning={TA_IRREVERSIBLE.has(action) ? t(`ta.actions.warning.${action}`) : undefined}
      confirm={t(`ta.actions.confirm.${action}`)}
      ending={action === 'DECLINE' || action === 'WITHDRAW'}
      form={form}
      area="ta"
      onCancel={props.onCancel}
    >
      {action === 'TRIAGE' && (
        <>
          <ChoiceGroup
            id="priority"
            label={t('ta.field.priority')}
            required
            options={TA_PRIORITIES.map((value) => ({ value, label: t(`ta.priority.${value}`) }))}
            selected={values.priority ? [values.priority] : []}
            onChange={([value]) => set('priority', value as TechnicalAssistancePriority)}
            error={error('priority')}
          />
          {text('note', { hint: t('ta.actions.field.noteHint') })}
        </>
      )}
      {action === 'ASSIGN' && (
        <>
          <ProviderChoice
            selected={values.agencyId}
            onChange={(agencyId) => set('agencyId', agencyId)}
            error={error('agencyId')}
          />
          {text('assigneeName', { area: false, hint: t('ta.actions.field.assigneeNameHint') })}
          {text('note', { hint: t('ta.actions.field.noteHint') })}
        </>
      )}
      {action === 'RECORD_SESSION' && <SessionFields form={form} request={request} />}
      {action === 'DELIVER' && text('summary', { hint: t('ta.actions.field.practiceHint') })}
      {action === 'CLOSE' && (
        <>
          <ChoiceGroup
            id="rating"
            label={t('ta.actions.field.rating')}
            hint={t('ta.actions.field.ratingHint')}
            required
            options={['1', '2', '3', '4', '5'].map((value) => ({
              value,
              label: t(`ta.rating.${value}`),
            }))}
            selected={values.rating ? [values.rating] : []}
            onChange={([value]) => set('rating', value)}
            error={error('rating')}
          />
          {text('feedback', { hint: t('ta.actions.field.feedbackHint') })}
        </>
      )}
      {action === 'DECLINE' &&
        text('reason', {
          required: true,
          label: t('ta.actions.field.declineReason'),
          hint: t('ta.actions.field.declineHint'),
        })}
      {action === 'WITHDRAW' && text('reason', { label: t('ta.actions.field.withdrawReason') })}
    </ActionFormFrame>
  );
}

/** The TA providers and federal partners on the hub (active ones), to pick the one who delivers. */
function ProviderChoice(props: { selected: string; onChange: (agencyId: string) => void; error?: string }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(TA_PROVIDERS_QUERY);
  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error || !data) return <Notice type="error" heading={t('errors.loadFailed')} level="h3" />;
  const agencies = [...data.providers.edges, ...data.federalPartners.edges]
    .map((edge) => edge.node)
    .filter((agency) => agency.status === 'ACTIVE');
  const more = data.providers.pageInfo.hasNextPage || data.federalPartners.pageInfo.hasNextPage;
  if (agencies.length === 0)
    return <Notice type="warning" heading={t('ta.actions.noProviders')} level="h3" />;
  return (
    <>
      <ChoiceGroup
        id="agencyId"
        label={t('ta.actions.field.agencyId')}
        required
        tile
        options={agencies.map((agency) => ({
          value: agency.id,
          label: agency.name,
          description: `${t(`agencyType.${agency.type}`)} · ${agency.jurisdiction}`,
        }))}
        selected={props.selected ? [props.selected] : []}
        onChange={([agencyId]) => props.onChange(agencyId)}
        error={props.error}
      />
      {more && <p className="usa-hint">{t('ta.actions.moreProviders')}</p>}
    </>
  );
}

/** A session: when, how, how long, consultation or training (with attendance by audience), materials, notes. */
function SessionFields(props: {
  form: ReturnType<typeof useActionForm<TaActionValues>>;
  request: TaActionRequest;
}) {
  const { t } = useTranslation();
  const { values, set, error } = props.form;
  // The audiences the request named come first.
  const audiences = [
    ...props.request.audiences,
    ...TA_AUDIENCES.filter((audience) => !props.request.audiences.includes(audience)),
  ];
  return (
    <>
      <TextField
        id="heldOn"
        label={t('ta.actions.field.heldOn')}
        hint={t('ta.actions.field.heldOnHint')}
        required
        value={values.heldOn}
        onChange={(value) => set('heldOn', value)}
        error={error('heldOn')}
      />
      <ChoiceGroup
        id="modality"
        label={t('ta.field.modality')}
        required
        options={TA_MODALITIES.map((value) => ({ value, label: t(`ta.modality.${value}`) }))}
        selected={values.modality ? [values.modality] : []}
        onChange={([value]) => set('modality', value as TechnicalAssistanceModality)}
        error={error('modality')}
      />
      <TextField
        id="hours"
        label={t('ta.actions.field.hours')}
        hint={t('ta.actions.field.hoursHint')}
        required
        inputMode="decimal"
        value={values.hours}
        onChange={(value) => set('hours', value)}
        error={error('hours')}
      />
      <ChoiceGroup
        id="kind"
        label={t('ta.actions.field.kind')}
        required
        options={(['CONSULTATION', 'TRAINING'] as const).map((value) => ({
          value,
          label: t(`ta.sessionKind.${value}`),
          description: t(`ta.actions.field.kindHint.${value}`),
        }))}
        selected={values.kind ? [values.kind] : []}
        onChange={([value]) => set('kind', value as TaActionValues['kind'])}
        error={error('kind')}
      />
      {values.kind === 'TRAINING' && (
        <FormGroup error={Boolean(error('attendance'))}>
          <Fieldset
            legend={t('ta.actions.field.attendance')}
            requiredMarker
            aria-describedby={error('attendance') ? 'attendance-hint attendance-error' : 'attendance-hint'}
          >
            <span className="usa-hint" id="attendance-hint">
              {t('ta.actions.field.attendanceHint')}
            </span>
            {error('attendance') && <ErrorMessage id="attendance-error">{error('attendance')}</ErrorMessage>}
            {audiences.map((audience) => (
              <TextField
                key={audience}
                id={`attendance-${audience}`}
                label={t(`ta.audience.${audience}`)}
                inputMode="numeric"
                value={values.attendance[audience] ?? ''}
                onChange={(value) => set('attendance', { ...values.attendance, [audience]: value })}
                error={error(`attendance-${audience}`)}
              />
            ))}
          </Fieldset>
        </FormGroup>
      )}
      <TextAreaField
        id="materials"
        label={t('ta.actions.field.materials')}
        hint={t('ta.actions.field.materialsHint')}
        value={values.materials}
        onChange={(value) => set('materials', value)}
        error={error('materials')}
      />
      <TextAreaField
        id="notes"
        label={t('ta.actions.field.notes')}
        hint={t('ta.actions.field.practiceHint')}
        value={values.notes}
        onChange={(value) => set('notes', value)}
        error={error('notes')}
      />
    </>
  );
}
