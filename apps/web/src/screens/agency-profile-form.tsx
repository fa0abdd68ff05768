import { useMutation, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup, Checkbox } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { changedFields } from '../forms/changes';
import { VersionedEditBody } from '../forms/conflict-review';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useFormSubmission } from '../forms/form-submission';
import { EMAIL, isWebAddress, LANGUAGE_CODE, PHONE } from '../forms/patterns';
import { useVersionedEdit } from '../forms/versioned-edit';
import { graphql } from '../gql';
import type { AgencyProfileFieldsFragment, ServiceNeed } from '../gql/graphql';
import { LANGUAGES } from '../i18n';
import { Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { AGENCY_QUERY, AgencyFacts, languageName } from './agency';
import { SERVICE_NEEDS } from './enums';

export const UPDATE_AGENCY_PROFILE = graphql(`
  mutation UpdateAgencyProfile($input: UpdateAgencyProfileInput!) {
    updateAgencyProfile(input: $input) {
      agency {
        ...AgencyProfileFields
      }
    }
  }
`);

/** The API's limits (directory-fields.ts, UpdateAgencyProfileInput). */
export const PROFILE_LIMITS = {
  name: 200,
  description: 2000,
  services: 30,
  languages: 50,
  serviceAreas: 50,
  serviceArea: 100,
  hours: 200,
  intakeEmail: 254,
  website: 500,
  street: 200,
  city: 100,
  region: 100,
  postalCode: 20,
} as const;

export interface AgencyProfileValues {
  name: string;
  description: string;
  services: ServiceNeed[];
  /** ISO 639-1 codes separated by commas or spaces */
  languages: string;
  /** One place a line */
  serviceAreas: string;
  hours: string;
  intakePhone: string;
  intakeEmail: string;
  website: string;
  acceptingReferrals: boolean;
  notificationLanguage: string;
  confidentialLocation: boolean;
  street: string;
  city: string;
  region: string;
  postalCode: string;
}

const ADDRESS = ['street', 'city', 'region', 'postalCode'] as const;

export function profileValuesOf(agency: AgencyProfileFieldsFragment): AgencyProfileValues {
  return {
    name: agency.name,
    description: agency.description,
    services: [...agency.services],
    languages: agency.languages.join(', '),
    serviceAreas: agency.serviceAreas.join('\n'),
    hours: agency.hours ?? '',
    intakePhone: agency.intakePhone ?? '',
    intakeEmail: agency.intakeEmail ?? '',
    website: agency.website ?? '',
    acceptingReferrals: agency.acceptingReferrals,
    notificationLanguage: agency.notificationLanguage,
    confidentialLocation: agency.confidentialLocation,
    street: agency.address?.street ?? '',
    city: agency.address?.city ?? '',
    region: agency.address?.region ?? '',
    postalCode: agency.address?.postalCode ?? '',
  };
}

/** Codes as typed ("en, ES  vi") → lowercase, each once. */
const languagesOf = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((code) => code.trim().toLowerCase())
      .filter(Boolean),
  ),
];
const areasOf = (text: string) =>
  text
    .split('\n')
    .map((area) => area.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** Field → the key of its message; empty when the profile may be saved. Same rules as the API. */
export function validateAgencyProfile(values: AgencyProfileValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const tooLong = (field: keyof typeof PROFILE_LIMITS & keyof AgencyProfileValues) => {
    const value = values[field];
    if (typeof value === 'string' && value.trim().length > PROFILE_LIMITS[field])
      errors[field] = 'form.tooLong';
  };
  if (!values.name.trim()) errors['name'] = 'form.required';
  (['name', 'description', 'hours', 'intakeEmail', 'website', ...ADDRESS] as const).forEach(tooLong);
  if (values.services.length > PROFILE_LIMITS.services) errors['services'] = 'agencyProfile.tooManyServices';
  const languages = languagesOf(values.languages);
  if (languages.some((code) => !LANGUAGE_CODE.test(code)))
    errors['languages'] = 'agencyProfile.languageCodes';
  else if (languages.length > PROFILE_LIMITS.languages) errors['languages'] = 'agencyProfile.tooMany';
  const areas = areasOf(values.serviceAreas);
  if (areas.length > PROFILE_LIMITS.serviceAreas) errors['serviceAreas'] = 'agencyProfile.tooMany';
  else if (areas.some((area) => area.length > PROFILE_LIMITS.serviceArea))
    errors['serviceAreas'] = 'agencyProfile.areaTooLong';
  if (values.intakePhone.trim() && !PHONE.test(values.intakePhone.trim()))
    errors['intakePhone'] = 'agencyProfile.phoneFormat';
  if (!errors['intakeEmail'] && values.intakeEmail.trim() && !EMAIL.test(values.intakeEmail.trim()))
    errors['intakeEmail'] = 'agencyProfile.emailFormat';
  if (!errors['website'] && values.website.trim() && !isWebAddress(values.website.trim()))
    errors['website'] = 'agencyProfile.websiteFormat';
  // An address is whole or absent.
  const given = ADDRESS.filter((field) => values[field].trim());
  if (given.length > 0 && given.length < ADDRESS.length) {
    for (const field of ADDRESS) if (!values[field].trim()) errors[field] = 'agencyProfile.addressIncomplete';
  }
  return errors;
}

/** Each field as updateAgencyProfile takes it: trimmed lists, a blank optional field as null (cleared). */
function profileOf(values: AgencyProfileValues) {
  const text = (value: string) => value.trim() || null;
  const address = ADDRESS.every((field) => values[field].trim())
    ? {
        street: values.street.trim(),
        city: values.city.trim(),
        region: values.region.trim(),
        postalCode: values.postalCode.trim(),
      }
    : null;
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    services: values.services,
    languages: languagesOf(values.languages),
    serviceAreas: areasOf(values.serviceAreas),
    hours: text(values.hours),
    intakePhone: text(values.intakePhone),
    intakeEmail: text(values.intakeEmail),
    website: text(values.website),
    acceptingReferrals: values.acceptingReferrals,
    notificationLanguage: values.notificationLanguage,
    confidentialLocation: values.confidentialLocation,
    address,
  };
}
type Profile = ReturnType<typeof profileOf>;

/** The API fields the person changed from `base`: the others are left as they are on the server. */
export function profileChanges(base: AgencyProfileValues, values: AgencyProfileValues): Partial<Profile> {
  const before = profileOf(base);
  const after = profileOf(values);
  return Object.fromEntries(
    changedFields(before, after).map((field) => [field, after[field]]),
  ) as Partial<Profile>;
}

/** The form's fields (a record, so the compiler notices a field added to the values). */
const FORM_FIELDS: Record<keyof AgencyProfileValues, true> = {
  name: true,
  description: true,
  services: true,
  languages: true,
  serviceAreas: true,
  hours: true,
  intakePhone: true,
  intakeEmail: true,
  website: true,
  acceptingReferrals: true,
  notificationLanguage: true,
  confidentialLocation: true,
  street: true,
  city: true,
  region: true,
  postalCode: true,
};

/** The form's field of a problem the API named: `languages[1]` → languages, `address.city` → city. */
export function profileField(field: string): string | null {
  const name = field.replace(/\[\d+\]/g, '');
  if (name.startsWith('address.')) {
    const part = name.slice('address.'.length);
    return (ADDRESS as readonly string[]).includes(part) ? part : null;
  }
  if (name === 'address') return 'street';
  return name in FORM_FIELDS ? name : null;
}

/** What a field the API refused is told: the rule for it where the form knows one, else a general word. */
const REFUSED: Record<string, string> = {
  intakePhone: 'agencyProfile.phoneFormat',
  intakeEmail: 'agencyProfile.emailFormat',
  website: 'agencyProfile.websiteFormat',
  languages: 'agencyProfile.languageCodes',
};

/**
 * An agency admin edits their agency's profile and directory entry with the version they read;
 * only the changed fields are sent. The API's refusal of a field is shown at that field; when
 * someone else saved first (CONFLICT), their version is shown for review.
 */
export function AgencyProfileEditScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('agencyProfile.editTitle'));
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(AGENCY_QUERY, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  const [update] = useMutation(UPDATE_AGENCY_PROFILE);
  const edit = useVersionedEdit<NonNullable<typeof data>['agency'], AgencyProfileValues>({
    valuesOf: profileValuesOf,
  });

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error || !data) return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  const agency = edit.record(data.agency);
  if (!agency.availableActions.includes('UPDATE_PROFILE')) {
    return <Notice type="error" level="h1" heading={t('agencyProfile.notEditable')} />;
  }

  const save = (values: AgencyProfileValues) => {
    const changes = profileChanges(profileValuesOf(agency), values);
    return edit.save({
      record: agency,
      values,
      changes,
      send: () =>
        update({
          variables: { input: { agencyId: agency.id, expectedVersion: agency.version, ...changes } },
        }),
      leave: (saved) => navigate(`/agencies/${agency.id}`, saved ? { state: { done: 'SAVED' } } : undefined),
      reload: async () => (await refetch()).data?.agency,
    });
  };

  return (
    <>
      <h1>{t('agencyProfile.editTitle')}</h1>
      <p>{t('agencyProfile.editing', { name: agency.name })}</p>
      <VersionedEditBody
        edit={edit}
        review={{
          heading: t('agencyProfile.conflictHeading'),
          text: t('agencyProfile.conflict'),
          theirsHeading: t('agencyProfile.theirVersion'),
        }}
        theirs={(theirs) => <AgencyFacts agency={theirs} />}
      >
        <AgencyProfileForm
          initial={edit.initial(agency)}
          cancelTo={`/agencies/${agency.id}`}
          onSubmit={save}
        />
      </VersionedEditBody>
    </>
  );
}

/** The profile's fields, grouped as the directory shows them, with the API's rules checked first. */
export function AgencyProfileForm(props: {
  initial: AgencyProfileValues;
  cancelTo: string;
  onSubmit: (values: AgencyProfileValues) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(props.initial);
  const form = useFormSubmission({
    id: 'profile',
    validate: validateAgencyProfile,
    submit: props.onSubmit,
    refused: {
      field: (problem) => profileField(problem.field),
      message: (field) => REFUSED[field] ?? 'agencyProfile.refused',
    },
  });
  const { error } = form;
  const set = <K extends keyof AgencyProfileValues>(field: K, value: AgencyProfileValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const text = (
    field: keyof AgencyProfileValues & string,
    options: { area?: boolean; hint?: string; required?: boolean } = {},
  ) => {
    const Field = options.area ? TextAreaField : TextField;
    return (
      <Field
        id={field}
        label={t(`agencyProfile.${field}`)}
        hint={options.hint}
        required={options.required}
        value={values[field] as string}
        onChange={(value) => set(field, value as never)}
        error={error(field)}
      />
    );
  };

  return (
    <form className="usa-form usa-form--large" noValidate onSubmit={(event) => form.onSubmit(event, values)}>
      {form.problems}
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{t('agencyProfile.aboutLegend')}</legend>
        {text('name', { required: true })}
        {text('description', { area: true, hint: t('agencyProfile.descriptionHint') })}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('agencyProfile.directoryLegend')}</legend>
        <Checkbox
          id="acceptingReferrals"
          name="acceptingReferrals"
          className="margin-top-2"
          label={t('agencyProfile.acceptingReferrals')}
          labelDescription={t('agencyProfile.acceptingReferralsHint')}
          checked={values.acceptingReferrals}
          onChange={(event) => set('acceptingReferrals', event.target.checked)}
        />
        <ChoiceGroup
          id="services"
          multiple
          label={t('agencyProfile.services')}
          hint={t('agencyProfile.servicesHint')}
          options={SERVICE_NEEDS.map((value) => ({ value, label: t(`need.${value}`) }))}
          selected={values.services}
          onChange={(selected) => set('services', selected as ServiceNeed[])}
          error={error('services')}
        />
        {text('languages', { hint: t('agencyProfile.languagesHint') })}
        {text('serviceAreas', { area: true, hint: t('agencyProfile.serviceAreasHint') })}
        {text('hours', { hint: t('agencyProfile.hoursHint') })}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('agencyProfile.intakeLegend')}</legend>
        {text('intakePhone', { hint: t('agencyProfile.phoneHint') })}
        {text('intakeEmail')}
        {text('website', { hint: t('agencyProfile.websiteHint') })}
        <SelectField
          id="notificationLanguage"
          label={t('agencyProfile.notificationLanguage')}
          hint={t('agencyProfile.notificationLanguageHint')}
          value={values.notificationLanguage}
          placeholder={t('form.select')}
          options={LANGUAGES.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
          onChange={(value) => set('notificationLanguage', value || values.notificationLanguage)}
        />
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{t('agencyProfile.address')}</legend>
        <span className="usa-hint">{t('agencyProfile.addressHint')}</span>
        {text('street')}
        {text('city')}
        {text('region')}
        {text('postalCode')}
        <Checkbox
          id="confidentialLocation"
          name="confidentialLocation"
          className="margin-top-2"
          label={t('agencyProfile.confidentialLocation')}
          labelDescription={t('agencyProfile.confidentialLocationHint')}
          checked={values.confidentialLocation}
          onChange={(event) => set('confidentialLocation', event.target.checked)}
        />
      </fieldset>
      <ButtonGroup className="margin-top-3">
        <Button type="submit" disabled={form.busy}>
          {t('agencyProfile.save')}
        </Button>
        <Link className="usa-button usa-button--outline" to={props.cancelTo}>
          {t('form.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}
