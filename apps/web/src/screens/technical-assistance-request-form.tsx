import { useMutation, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Requires } from '../capabilities';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useFormSubmission } from '../forms/form-submission';
import { isDay, wholeNumber } from '../forms/patterns';
import { graphql } from '../gql';
import { errorCode } from '../graphql/errors';
import type {
  TechnicalAssistanceAudience,
  TechnicalAssistanceModality,
  TechnicalAssistanceTopic,
  TechnicalAssistanceType,
  TechnicalAssistanceUrgency,
} from '../gql/graphql';
import { utcToday } from '../i18n';
import { Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { TA_AUDIENCES, TA_MODALITIES, TA_TOPICS, TA_TYPES, TA_URGENCIES } from './enums';

export const TA_REQUEST_ME = graphql(`
  query TechnicalAssistanceRequestMe {
    me {
      agency {
        id
        name
      }
      taskForces {
        taskForce {
          id
          name
        }
      }
    }
  }
`);

export const REQUEST_TECHNICAL_ASSISTANCE = graphql(`
  mutation RequestTechnicalAssistance($input: RequestTechnicalAssistanceInput!) {
    requestTechnicalAssistance(input: $input) {
      request {
        id
        status
        version
      }
    }
  }
`);

/** The free-text fields of a request, each 1–4000 characters. */
export const TA_TEXT_FIELDS = [
  'problemStatement',
  'whyItMatters',
  'currentPractice',
  'desiredOutcome',
] as const;
type TextFieldName = (typeof TA_TEXT_FIELDS)[number];

export type TaRequestValues = Record<TextFieldName, string> & {
  taskForceId: string;
  topic: TechnicalAssistanceTopic | '';
  type: TechnicalAssistanceType | '';
  modality: TechnicalAssistanceModality | '';
  urgency: TechnicalAssistanceUrgency | '';
  /** YYYY-MM-DD or blank. */
  preferredStartDate: string;
  preferredEndDate: string;
  audiences: TechnicalAssistanceAudience[];
  /** As typed; a whole number 1–1000. */
  expectedAttendees: string;
};

export const EMPTY_TA_REQUEST: TaRequestValues = {
  taskForceId: '',
  topic: '',
  type: '',
  modality: '',
  urgency: '',
  problemStatement: '',
  whyItMatters: '',
  currentPractice: '',
  desiredOutcome: '',
  preferredStartDate: '',
  preferredEndDate: '',
  audiences: [],
  expectedAttendees: '',
};

/** Every field of the form, as the API names it (its BAD_USER_INPUT problems are shown there). */
const FIELDS = Object.keys(EMPTY_TA_REQUEST);

/** The API's limits (RequestTechnicalAssistanceInput). */
export const TA_TEXT_MAX = 4000;
export const MAX_ATTENDEES = 1000;
/** How far ahead a preferred date may be (the API's MAX_PREFERRED_DAYS_AHEAD). */
export const MAX_DAYS_AHEAD = 2 * 366;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Field → the key of its message; empty when the request may be sent. The API's rules, so the
 * person hears of a problem before sending (`today`: the UTC day, YYYY-MM-DD; the API judges dates
 * by it). `chooseTaskForce`: the agency belongs to more than one task force, so one must be named.
 */
export function validateTaRequest(
  values: TaRequestValues,
  today: string,
  chooseTaskForce: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (chooseTaskForce && !values.taskForceId) errors['taskForceId'] = 'form.chooseOne';
  for (const field of ['topic', 'type', 'modality', 'urgency'] as const) {
    if (!values[field]) errors[field] = 'form.chooseOne';
  }
  for (const field of TA_TEXT_FIELDS) {
    if (!values[field].trim()) errors[field] = 'form.required';
    else if (values[field].trim().length > TA_TEXT_MAX) errors[field] = 'form.tooLong';
  }
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_DAYS_AHEAD * DAY_MS)
    .toISOString()
    .slice(0, 10);
  for (const field of ['preferredStartDate', 'preferredEndDate'] as const) {
    const day = values[field].trim();
    if (!day) continue;
    if (!isDay(day)) errors[field] = 'form.date';
    else if (day < today) errors[field] = 'ta.form.notPast';
    else if (day > latest) errors[field] = 'ta.form.tooFarAhead';
  }
  const start = values.preferredStartDate.trim();
  const end = values.preferredEndDate.trim();
  if (!errors['preferredStartDate'] && !errors['preferredEndDate'] && start && end && end < start) {
    errors['preferredEndDate'] = 'ta.form.endBeforeStart';
  }
  if (values.audiences.length === 0) errors['audiences'] = 'form.chooseAtLeastOne';
  if (wholeNumber(values.expectedAttendees, 1, MAX_ATTENDEES) === null) {
    errors['expectedAttendees'] = 'ta.form.attendees';
  }
  return errors;
}

/** requestTechnicalAssistance's input: trimmed, blank dates left out, with the form's idempotency key. */
export function taRequestInput(values: TaRequestValues, idempotencyKey: string) {
  const day = (value: string) => value.trim() || undefined;
  return {
    taskForceId: values.taskForceId || undefined,
    topic: values.topic as TechnicalAssistanceTopic,
    type: values.type as TechnicalAssistanceType,
    modality: values.modality as TechnicalAssistanceModality,
    urgency: values.urgency as TechnicalAssistanceUrgency,
    problemStatement: values.problemStatement.trim(),
    whyItMatters: values.whyItMatters.trim(),
    currentPractice: values.currentPractice.trim(),
    desiredOutcome: values.desiredOutcome.trim(),
    preferredStartDate: day(values.preferredStartDate),
    preferredEndDate: day(values.preferredEndDate),
    audiences: values.audiences,
    expectedAttendees: Number(values.expectedAttendees.trim()),
    idempotencyKey,
  };
}

export function NewTechnicalAssistanceScreen() {
  return (
    <Requires capability="REQUEST_TECHNICAL_ASSISTANCE">
      <NewTechnicalAssistance />
    </Requires>
  );
}

/**
 * Asks the task force for technical assistance (supervisors and agency admins of a member agency).
 * One idempotency key per form: a double click or a retry after a lost answer makes one request.
 */
function NewTechnicalAssistance() {
  const { t } = useTranslation();
  usePageTitle(t('ta.form.title'));
  const navigate = useNavigate();
  const idempotencyKey = useRef(crypto.randomUUID()).current;
  const { data, loading, error } = useQuery(TA_REQUEST_ME);
  const [request] = useMutation(REQUEST_TECHNICAL_ASSISTANCE);

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error || !data) return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  const taskForces = data.me.taskForces.map((membership) => membership.taskForce);
  return (
    <>
      <h1>{t('ta.form.title')}</h1>
      <p className="usa-intro">{t('ta.form.intro')}</p>
      <TaRequestForm
        taskForces={taskForces}
        submit={async (values) => {
          const created = await request({ variables: { input: taRequestInput(values, idempotencyKey) } });
          const id = created.data?.requestTechnicalAssistance.request.id;
          if (!id) throw new Error('requestTechnicalAssistance answered no request');
          await navigate(`/technical-assistance/${id}`, { state: { done: 'REQUESTED' } });
        }}
      />
    </>
  );
}

/** The request's fields; the API's refusals shown at the fields it names. */
export function TaRequestForm(props: {
  taskForces: readonly { id: string; name: string }[];
  submit: (values: TaRequestValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const chooseTaskForce = props.taskForces.length > 1;
  const [values, setValues] = useState<TaRequestValues>(() => ({
    ...EMPTY_TA_REQUEST,
    taskForceId: props.taskForces.length === 1 ? props.taskForces[0].id : '',
  }));
  const set = <K extends keyof TaRequestValues>(field: K, value: TaRequestValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const form = useFormSubmission({
    id: 'ta-request',
    validate: (current: TaRequestValues) => validateTaRequest(current, utcToday(), chooseTaskForce),
    submit: props.submit,
    refused: {
      field: FIELDS,
      message: (field) => `ta.problem.${field}`,
    },
    area: 'ta',
    // The same key again with other details: the request may already exist (an answer lost on the way).
    notice: (error) =>
      errorCode(error) === 'CONFLICT' ? (
        <Notice type="warning" heading={t('ta.form.reusedHeading')} text={t('ta.form.reused')} />
      ) : undefined,
  });
  const { error } = form;
  const text = (field: TextFieldName) => (
    <TextAreaField
      id={field}
      label={t(`ta.field.${field}`)}
      hint={t(`ta.form.hint.${field}`)}
      required
      value={values[field]}
      onChange={(value) => set(field, value)}
      error={error(field)}
    />
  );
  const choice = (field: 'type' | 'modality' | 'urgency', options: readonly string[]) => (
    <ChoiceGroup
      id={field}
      label={t(`ta.field.${field}`)}
      required
      options={options.map((value) => ({ value, label: t(`ta.${field}.${value}`) }))}
      selected={values[field] ? [values[field]] : []}
      onChange={([value]) => set(field, value as TaRequestValues[typeof field])}
      error={error(field)}
    />
  );

  return (
    <form
      id="ta-request-form"
      className="usa-form usa-form--large"
      noValidate
      onSubmit={(event) => form.onSubmit(event, values)}
    >
      <Notice type="info" heading={t('ta.form.practiceHeading')} text={t('ta.form.practice')} />
      {form.problems}
      {chooseTaskForce ? (
        <SelectField
          id="taskForceId"
          label={t('ta.field.taskForce')}
          required
          value={values.taskForceId}
          onChange={(value) => set('taskForceId', value)}
          placeholder={t('form.select')}
          options={props.taskForces.map(({ id, name }) => ({ value: id, label: name }))}
          error={error('taskForceId')}
        />
      ) : (
        props.taskForces[0] && <p>{t('ta.form.taskForce', { name: props.taskForces[0].name })}</p>
      )}
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('ta.form.whatHeading')}</legend>
        <SelectField
          id="topic"
          label={t('ta.field.topic')}
          required
          value={values.topic}
          onChange={(value) => set('topic', value as TaRequestValues['topic'])}
          placeholder={t('form.select')}
          options={TA_TOPICS.map((value) => ({ value, label: t(`ta.topic.${value}`) }))}
          error={error('topic')}
        />
        {choice('type', TA_TYPES)}
        {text('problemStatement')}
        {text('whyItMatters')}
        {text('currentPractice')}
        {text('desiredOutcome')}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('ta.form.whoHeading')}</legend>
        <ChoiceGroup
          id="audiences"
          multiple
          required
          label={t('ta.field.audiences')}
          options={TA_AUDIENCES.map((value) => ({ value, label: t(`ta.audience.${value}`) }))}
          selected={values.audiences}
          onChange={(selected) => set('audiences', selected as TechnicalAssistanceAudience[])}
          error={error('audiences')}
        />
        <TextField
          id="expectedAttendees"
          label={t('ta.field.expectedAttendees')}
          hint={t('ta.form.hint.expectedAttendees')}
          required
          inputMode="numeric"
          value={values.expectedAttendees}
          onChange={(value) => set('expectedAttendees', value)}
          error={error('expectedAttendees')}
        />
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('ta.form.howHeading')}</legend>
        {choice('modality', TA_MODALITIES)}
        {choice('urgency', TA_URGENCIES)}
        <TextField
          id="preferredStartDate"
          label={t('ta.field.preferredStartDate')}
          hint={t('ta.form.hint.date')}
          value={values.preferredStartDate}
          onChange={(value) => set('preferredStartDate', value)}
          error={error('preferredStartDate')}
        />
        <TextField
          id="preferredEndDate"
          label={t('ta.field.preferredEndDate')}
          hint={t('ta.form.hint.date')}
          value={values.preferredEndDate}
          onChange={(value) => set('preferredEndDate', value)}
          error={error('preferredEndDate')}
        />
      </fieldset>
      <ButtonGroup className="margin-top-3">
        <Button type="submit" disabled={form.busy}>
          {t('ta.form.submit')}
        </Button>
        <Link className="usa-button usa-button--outline" to="/technical-assistance">
          {t('form.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}
