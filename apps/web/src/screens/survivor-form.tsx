import { useMutation, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup, Checkbox } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { VersionedEditBody } from '../forms/conflict-review';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useFormSubmission } from '../forms/form-submission';
import { EMAIL, isDay, LANGUAGE_CODE, PHONE } from '../forms/patterns';
import { useVersionedEdit } from '../forms/versioned-edit';
import { graphql } from '../gql';
import { utcToday } from '../i18n';
import type { NeedPriority, ServiceNeed, SurvivorRecordFragment } from '../gql/graphql';
import { Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { NEED_PRIORITIES, SERVICE_NEEDS } from './enums';
import { NotOfferedOnRecord } from './not-offered';
import { SurvivorFields } from './survivor-fields';

/** Every field of a survivor record the hub keeps: the record screen, the edit form and their payloads. */
export const SURVIVOR_RECORD = graphql(`
  fragment SurvivorRecord on Survivor {
    id
    reference
    minor
    ageBand
    version
    ownerAgencyId
    ownerAgency {
      id
      name
    }
    createdAt
    updatedAt
    givenName
    familyName
    aliases
    dateOfBirth
    gender
    phone
    email
    address
    safeContact {
      doNotContact
      safeMethod
      safeTimes
    }
    needs {
      need
      priority
    }
    preferredLanguage
    interpreterNeeded
    situationSummary
    caseNotes
    immigrationStatus
    immigrationDocuments
    medicalNotes
    mentalHealthNotes
    substanceUseNotes
  }
`);

export const SURVIVOR_FOR_EDIT = graphql(`
  query SurvivorForEdit($id: ID!) {
    survivor(id: $id) {
      ...SurvivorRecord
      availableActions
    }
  }
`);

export const CREATE_SURVIVOR = graphql(`
  mutation CreateSurvivor($input: CreateSurvivorInput!) {
    createSurvivor(input: $input) {
      survivor {
        id
      }
    }
  }
`);

export const UPDATE_SURVIVOR = graphql(`
  mutation UpdateSurvivor($input: UpdateSurvivorInput!) {
    updateSurvivor(input: $input) {
      survivor {
        id
        version
      }
    }
  }
`);

const TEXT_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'gender',
  'phone',
  'email',
  'address',
  'safeTimes',
  'safeMethod',
  'preferredLanguage',
  'situationSummary',
  'caseNotes',
  'immigrationStatus',
  'immigrationDocuments',
  'medicalNotes',
  'mentalHealthNotes',
  'substanceUseNotes',
] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];

export type SurvivorFormValues = Record<TextFieldName, string> & {
  minor: boolean;
  /** One alias a line. */
  aliases: string;
  doNotContact: boolean;
  needs: { need: ServiceNeed; priority: NeedPriority }[];
  interpreterNeeded: '' | 'yes' | 'no';
};

export const EMPTY_SURVIVOR: SurvivorFormValues = {
  ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, ''])) as Record<TextFieldName, string>),
  minor: false,
  aliases: '',
  doNotContact: false,
  needs: [],
  interpreterNeeded: '',
};

/** The form's values of a record as read (what the person starts editing from). */
export function valuesOf(record: SurvivorRecordFragment): SurvivorFormValues {
  return {
    minor: record.minor,
    givenName: record.givenName ?? '',
    familyName: record.familyName ?? '',
    aliases: (record.aliases ?? []).join('\n'),
    dateOfBirth: record.dateOfBirth ?? '',
    gender: record.gender ?? '',
    phone: record.phone ?? '',
    email: record.email ?? '',
    address: record.address ?? '',
    safeTimes: record.safeContact?.safeTimes ?? '',
    safeMethod: record.safeContact?.safeMethod ?? '',
    doNotContact: record.safeContact?.doNotContact ?? false,
    needs: (record.needs ?? []).map(({ need, priority }) => ({ need, priority })),
    preferredLanguage: record.preferredLanguage ?? '',
    interpreterNeeded:
      record.interpreterNeeded === null || record.interpreterNeeded === undefined
        ? ''
        : record.interpreterNeeded
          ? 'yes'
          : 'no',
    situationSummary: record.situationSummary ?? '',
    caseNotes: record.caseNotes ?? '',
    immigrationStatus: record.immigrationStatus ?? '',
    immigrationDocuments: record.immigrationDocuments ?? '',
    medicalNotes: record.medicalNotes ?? '',
    mentalHealthNotes: record.mentalHealthNotes ?? '',
    substanceUseNotes: record.substanceUseNotes ?? '',
  };
}

/** The API's limits (SurvivorDataInput), so the person hears of a problem before sending. */
const MAX_LENGTH: Partial<Record<TextFieldName, number>> = {
  givenName: 100,
  familyName: 100,
  gender: 50,
  email: 254,
  address: 300,
  safeTimes: 200,
  safeMethod: 200,
  situationSummary: 4000,
  caseNotes: 10000,
  immigrationStatus: 200,
  immigrationDocuments: 1000,
  medicalNotes: 4000,
  mentalHealthNotes: 4000,
  substanceUseNotes: 4000,
};

const aliasesOf = (text: string) =>
  text
    .split('\n')
    .map((alias) => alias.trim())
    .filter(Boolean);

/** Field → the key of its message; empty when the record may be saved. `today` is YYYY-MM-DD. */
export function validateSurvivor(values: SurvivorFormValues, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    const max = MAX_LENGTH[field];
    if (max && values[field].trim().length > max) errors[field] = 'form.tooLong';
  }
  const aliases = aliasesOf(values.aliases);
  if (aliases.length > 10) errors['aliases'] = 'survivorForm.tooManyAliases';
  else if (aliases.some((alias) => alias.length > 100)) errors['aliases'] = 'form.tooLong';
  const dob = values.dateOfBirth.trim();
  if (dob && !isDay(dob)) errors['dateOfBirth'] = 'form.date';
  else if (dob && (dob > today || dob < '1900-01-01'))
    errors['dateOfBirth'] = 'survivorForm.dateOfBirthRange';
  if (values.phone.trim() && !PHONE.test(values.phone.trim())) errors['phone'] = 'survivorForm.phone';
  if (values.email.trim() && !EMAIL.test(values.email.trim())) errors['email'] = 'survivorForm.email';
  if (values.preferredLanguage.trim() && !LANGUAGE_CODE.test(values.preferredLanguage.trim()))
    errors['preferredLanguage'] = 'form.languageCode';
  return errors;
}

/** The record's data as the API takes it: trimmed, blank as null (which clears a field on update). */
function dataOf(values: SurvivorFormValues) {
  const text = (field: TextFieldName) => values[field].trim() || null;
  const aliases = aliasesOf(values.aliases);
  const safeTimes = text('safeTimes');
  const safeMethod = text('safeMethod');
  return {
    minor: values.minor,
    givenName: text('givenName'),
    familyName: text('familyName'),
    aliases: aliases.length ? aliases : null,
    dateOfBirth: text('dateOfBirth'),
    gender: text('gender'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    safeContact:
      values.doNotContact || safeTimes || safeMethod
        ? { doNotContact: values.doNotContact, safeTimes, safeMethod }
        : null,
    needs: values.needs.length ? values.needs : null,
    preferredLanguage: text('preferredLanguage'),
    interpreterNeeded: values.interpreterNeeded === '' ? null : values.interpreterNeeded === 'yes',
    situationSummary: text('situationSummary'),
    caseNotes: text('caseNotes'),
    immigrationStatus: text('immigrationStatus'),
    immigrationDocuments: text('immigrationDocuments'),
    medicalNotes: text('medicalNotes'),
    mentalHealthNotes: text('mentalHealthNotes'),
    substanceUseNotes: text('substanceUseNotes'),
  };
}
type SurvivorData = ReturnType<typeof dataOf>;

/** createSurvivor's input: what was filled in, with the form's idempotency key. */
export function createSurvivorInput(values: SurvivorFormValues, idempotencyKey: string) {
  const data = Object.fromEntries(Object.entries(dataOf(values)).filter(([, value]) => value !== null));
  return { ...(data as Partial<SurvivorData>), idempotencyKey };
}

/**
 * The fields the person changed from `base` (what they read): updateSurvivor leaves the others
 * alone, so a change made meanwhile to another field is never overwritten by a stale copy.
 */
export function changesOf(base: SurvivorFormValues, values: SurvivorFormValues): Partial<SurvivorData> {
  const before = dataOf(base);
  const after = dataOf(values);
  return Object.fromEntries(
    (Object.keys(after) as (keyof SurvivorData)[])
      .filter((field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]))
      .map((field) => [field, after[field]]),
  ) as Partial<SurvivorData>;
}

/** `values` with `changes` (a result of changesOf) put back: re-applying my edits onto their version. */
export function reapply(theirs: SurvivorFormValues, mine: SurvivorFormValues, base: SurvivorFormValues) {
  const changed = new Set(Object.keys(changesOf(base, mine)));
  const merged = { ...theirs };
  const take = <K extends keyof SurvivorFormValues>(field: K) => {
    merged[field] = mine[field];
  };
  for (const field of TEXT_FIELDS) if (changed.has(field)) take(field);
  if (changed.has('safeContact')) (['safeTimes', 'safeMethod', 'doNotContact'] as const).forEach(take);
  if (changed.has('minor')) take('minor');
  if (changed.has('aliases')) take('aliases');
  if (changed.has('needs')) take('needs');
  if (changed.has('interpreterNeeded')) take('interpreterNeeded');
  return merged;
}

/** A new survivor record, owned by the caller's agency. One idempotency key per form. */
export function SurvivorCreateScreen() {
  const { t } = useTranslation();
  usePageTitle(t('survivorForm.createTitle'));
  const navigate = useNavigate();
  const idempotencyKey = useRef(crypto.randomUUID()).current;
  const [create] = useMutation(CREATE_SURVIVOR);
  return (
    <>
      <h1>{t('survivorForm.createTitle')}</h1>
      <p className="usa-intro">{t('survivorForm.intro')}</p>
      <SurvivorForm
        initial={EMPTY_SURVIVOR}
        submitLabel={t('survivorForm.create')}
        onSubmit={async (values) => {
          const created = await create({ variables: { input: createSurvivorInput(values, idempotencyKey) } });
          const id = created.data?.createSurvivor.survivor.id;
          if (!id) throw new Error('createSurvivor answered no record');
          await navigate(`/survivors/${id}`, { state: { done: 'CREATED' } });
        }}
      />
    </>
  );
}

/**
 * Edits a record with the version the person read. When someone else saved first (CONFLICT), their
 * version is shown next to the form; the person may re-apply their own changes onto it and save again.
 */
export function SurvivorEditScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('survivorForm.editTitle'));
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(SURVIVOR_FOR_EDIT, {
    variables: { id },
    fetchPolicy: 'no-cache',
  });
  const [update] = useMutation(UPDATE_SURVIVOR);
  const edit = useVersionedEdit({ valuesOf, reapply, headingId: 'survivor-edit-heading' });

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error || !data) return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  // Reached by its address without the record offering it (another agency's record): say so, no form.
  if (!data.survivor.availableActions.includes('UPDATE'))
    return <NotOfferedOnRecord heading={t('survivorForm.notPermitted')} survivorId={id} />;
  const record = edit.record(data.survivor);

  const save = (values: SurvivorFormValues) => {
    const changes = changesOf(valuesOf(record), values);
    return edit.save({
      record,
      values,
      changes,
      send: () =>
        update({ variables: { input: { id: record.id, expectedVersion: record.version, ...changes } } }),
      leave: (saved) =>
        navigate(`/survivors/${record.id}`, saved ? { state: { done: 'UPDATED' } } : undefined),
      reload: async () => (await refetch()).data?.survivor,
    });
  };

  return (
    <>
      <h1 id="survivor-edit-heading" tabIndex={-1}>
        {t('survivorForm.editTitle')}
      </h1>
      <p>{t('survivorForm.editing', { reference: record.reference })}</p>
      <VersionedEditBody
        edit={edit}
        review={{
          heading: t('survivorForm.conflictHeading'),
          text: t('survivorForm.conflict'),
          theirsHeading: t('survivorForm.theirVersion'),
        }}
        theirs={(theirs) => <SurvivorFields survivor={theirs} notShared={() => false} />}
      >
        <SurvivorForm
          initial={edit.initial(record)}
          submitLabel={t('survivorForm.save')}
          onSubmit={save}
          cancelTo={`/survivors/${record.id}`}
        />
      </VersionedEditBody>
    </>
  );
}

/** The record's fields, grouped by data class, with the API's limits checked before sending. */
export function SurvivorForm(props: {
  initial: SurvivorFormValues;
  submitLabel: string;
  onSubmit: (values: SurvivorFormValues) => Promise<void>;
  cancelTo?: string;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(props.initial);
  const form = useFormSubmission({
    id: 'survivor',
    validate: (current: SurvivorFormValues) => validateSurvivor(current, utcToday()),
    submit: props.onSubmit,
  });
  const { error } = form;
  const set = <K extends keyof SurvivorFormValues>(field: K, value: SurvivorFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const text = (field: TextFieldName, options: { area?: boolean; hint?: string } = {}) => {
    const Field = options.area ? TextAreaField : TextField;
    return (
      <Field
        id={field}
        label={t(`survivor.${field}`)}
        hint={options.hint}
        value={values[field]}
        onChange={(value) => set(field, value)}
        error={error(field)}
      />
    );
  };

  return (
    <form className="usa-form usa-form--large" noValidate onSubmit={(event) => form.onSubmit(event, values)}>
      {form.problems}
      <Checkbox
        id="minor"
        name="minor"
        label={t('survivorForm.minor')}
        labelDescription={t('survivorForm.minorHint')}
        checked={values.minor}
        onChange={(event) => set('minor', event.target.checked)}
      />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('dataClass.IDENTITY')}</legend>
        {text('givenName')}
        {text('familyName')}
        <TextAreaField
          id="aliases"
          label={t('survivor.aliases')}
          hint={t('survivorForm.aliasesHint')}
          value={values.aliases}
          onChange={(aliases) => set('aliases', aliases)}
          error={error('aliases')}
        />
        {text('dateOfBirth', { hint: t('survivorForm.dateHint') })}
        {text('gender')}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('dataClass.CONTACT')}</legend>
        {text('phone')}
        {text('email')}
        {text('address')}
        {text('safeTimes')}
        {text('safeMethod')}
        <Checkbox
          id="doNotContact"
          name="doNotContact"
          className="margin-top-2"
          label={t('survivor.doNotContact')}
          checked={values.doNotContact}
          onChange={(event) => set('doNotContact', event.target.checked)}
        />
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('dataClass.NEEDS')}</legend>
        <ChoiceGroup
          id="needs"
          multiple
          label={t('survivor.needs')}
          hint={t('survivorForm.needsHint')}
          options={SERVICE_NEEDS.map((value) => ({ value, label: t(`need.${value}`) }))}
          selected={values.needs.map((n) => n.need)}
          onChange={(needs) =>
            set(
              'needs',
              (needs as ServiceNeed[]).map(
                (need) => values.needs.find((n) => n.need === need) ?? { need, priority: 'MEDIUM' },
              ),
            )
          }
        />
        {values.needs.map(({ need, priority }) => (
          <SelectField
            key={need}
            id={`priority-${need}`}
            label={t('survivorForm.priorityOf', { need: t(`need.${need}`) })}
            value={priority}
            placeholder={t('form.select')}
            options={NEED_PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))}
            onChange={(value) =>
              set(
                'needs',
                values.needs.map((n) =>
                  n.need === need ? { need, priority: (value || 'MEDIUM') as NeedPriority } : n,
                ),
              )
            }
          />
        ))}
        {text('preferredLanguage', { hint: t('newReferral.languageHint') })}
        <ChoiceGroup
          id="interpreterNeeded"
          label={t('survivor.interpreterNeeded')}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
            { value: '', label: t('survivorForm.unknown') },
          ]}
          selected={[values.interpreterNeeded]}
          onChange={([value]) => set('interpreterNeeded', value as SurvivorFormValues['interpreterNeeded'])}
        />
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('dataClass.NARRATIVE')}</legend>
        {text('situationSummary', { area: true })}
        {text('caseNotes', { area: true })}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('dataClass.IMMIGRATION')}</legend>
        {text('immigrationStatus')}
        {text('immigrationDocuments', { area: true })}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('dataClass.HEALTH')}</legend>
        {text('medicalNotes', { area: true })}
        {text('mentalHealthNotes', { area: true })}
        {text('substanceUseNotes', { area: true })}
      </fieldset>
      <ButtonGroup className="margin-top-3">
        <Button type="submit" disabled={form.busy}>
          {props.submitLabel}
        </Button>
        {props.cancelTo && (
          <Link className="usa-button usa-button--outline" to={props.cancelTo}>
            {t('form.cancel')}
          </Link>
        )}
      </ButtonGroup>
    </form>
  );
}
