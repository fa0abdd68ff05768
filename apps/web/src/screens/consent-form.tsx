import { useMutation, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup, Checkbox } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ChoiceGroup, TextField } from '../forms/fields';
import { useFormSubmission } from '../forms/form-submission';
import { isDay, LANGUAGE_CODE } from '../forms/patterns';
import { graphql } from '../gql';
import type {
  AgencyType,
  ConsentAgenciesQuery,
  ConsentObtainedHow,
  ConsentPurpose,
  DataClass,
  GrantorType,
} from '../gql/graphql';
import { Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { CONSENT_PURPOSES, DATA_CLASSES, GRANTOR_TYPES, OBTAINED_HOW } from './enums';
import { NotOfferedOnRecord } from './not-offered';

/** Member agencies (not personal data: cached). Consent names recipients from them. */
export const AGENCIES_QUERY = graphql(`
  query ConsentAgencies {
    agencies(first: 100) {
      edges {
        node {
          id
          name
          type
          deactivatedAt
        }
      }
    }
    me {
      agency {
        id
      }
    }
  }
`);

export const RECORD_CONSENT = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      consent {
        id
        status
      }
    }
  }
`);

/** Only the record's non-personal fields: whether the grantor may be the survivor, and whether the caller may record one. */
export const CONSENT_SURVIVOR = graphql(`
  query ConsentSurvivor($id: ID!) {
    survivor(id: $id) {
      id
      reference
      minor
      availableActions
    }
  }
`);

/** The hub's limits on a consent's dates (configured on the API; not personal data: cached). */
export const CONSENT_RULES = graphql(`
  query ConsentRules {
    consentRules {
      maxValidityDays
      maxBackdateDays
    }
  }
`);

/** What recordConsent holds a consent's dates to (ConsentRules). */
export interface ConsentLimits {
  /** Longest a consent may run, in days, from its first day and from now. */
  maxValidityDays: number;
  /** How far back its first day may be. */
  maxBackdateDays: number;
}

/**
 * The agency types whose users read survivor records for each purpose (RecordConsentInput's
 * recipientAgencyIds): a consent names nobody who could never read what it shares.
 */
export const READERS: Record<ConsentPurpose, readonly AgencyType[]> = {
  SERVICE: ['NGO', 'HEALTH', 'CHILD_WELFARE'],
  INVESTIGATION: ['LAW_ENFORCEMENT', 'PROSECUTOR'],
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The three acknowledgements, read aloud to the survivor before they sign. */
export const ACKNOWLEDGEMENTS = ['rightToRevoke', 'notConditionOfService', 'redisclosureRisk'] as const;
type Acknowledgement = (typeof ACKNOWLEDGEMENTS)[number];

export interface ConsentFormValues {
  grantorType: GrantorType | '';
  grantorName: string;
  relationship: string;
  notSuspected: boolean;
  purposes: ConsentPurpose[];
  recipientAgencyIds: string[];
  dataClasses: DataClass[];
  /** YYYY-MM-DD, the day the consent starts (blank: now). */
  validFrom: string;
  /** YYYY-MM-DD, the last day it holds. */
  validUntil: string;
  obtainedHow: ConsentObtainedHow | '';
  language: string;
  interpreterUsed: boolean;
  interpreterName: string;
  documentReference: string;
  acknowledgements: Record<Acknowledgement, boolean>;
}

export const EMPTY_CONSENT: ConsentFormValues = {
  grantorType: '',
  grantorName: '',
  relationship: '',
  notSuspected: false,
  purposes: [],
  recipientAgencyIds: [],
  dataClasses: [],
  validFrom: '',
  validUntil: '',
  obtainedHow: '',
  language: '',
  interpreterUsed: false,
  interpreterName: '',
  documentReference: '',
  acknowledgements: { rightToRevoke: false, notConditionOfService: false, redisclosureRisk: false },
};

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** The consent holds through its last day: it ends at the start of the next (UTC). */
const dayEnd = (day: string) => dayStart(day) + DAY_MS;

/** Field → the key of its message; empty when the consent may be recorded. `now` is injected. */
export function validateConsent(
  values: ConsentFormValues,
  context: { now: Date; minor: boolean; limits: ConsentLimits },
): Record<string, string> {
  const { maxValidityDays, maxBackdateDays } = context.limits;
  const errors: Record<string, string> = {};
  const now = context.now.getTime();
  if (!values.grantorType) errors['grantorType'] = 'form.chooseOne';
  else if (values.grantorType === 'SELF' && context.minor) errors['grantorType'] = 'consentForm.minorGrantor';
  if (values.grantorName.length > 200) errors['grantorName'] = 'form.tooLong';
  if (values.grantorType && values.grantorType !== 'SELF') {
    if (!values.relationship.trim()) errors['relationship'] = 'form.required';
    else if (values.relationship.length > 100) errors['relationship'] = 'form.tooLong';
    if (!values.notSuspected) errors['notSuspected'] = 'consentForm.attestationRequired';
  }
  if (values.purposes.length === 0) errors['purposes'] = 'form.chooseAtLeastOne';
  if (values.recipientAgencyIds.length === 0) errors['recipientAgencyIds'] = 'form.chooseAtLeastOne';
  else if (values.recipientAgencyIds.length > 20)
    errors['recipientAgencyIds'] = 'consentForm.tooManyRecipients';
  if (values.dataClasses.length === 0) errors['dataClasses'] = 'form.chooseAtLeastOne';

  const from = values.validFrom ? dayStart(values.validFrom) : now;
  if (values.validFrom && !isDay(values.validFrom)) errors['validFrom'] = 'form.date';
  else if (from < now - maxBackdateDays * DAY_MS) errors['validFrom'] = 'consentForm.backdated';
  if (!values.validUntil) errors['validUntil'] = 'form.required';
  else if (!isDay(values.validUntil)) errors['validUntil'] = 'form.date';
  else {
    const until = dayEnd(values.validUntil);
    if (until <= now || until <= from) errors['validUntil'] = 'consentForm.untilAfterFrom';
    else if (until - from > maxValidityDays * DAY_MS || until - now > maxValidityDays * DAY_MS)
      errors['validUntil'] = 'consentForm.tooLongValid';
  }
  if (!values.obtainedHow) errors['obtainedHow'] = 'form.chooseOne';
  if (!LANGUAGE_CODE.test(values.language.trim())) errors['language'] = 'form.languageCode';
  if (values.interpreterUsed && values.interpreterName.length > 200)
    errors['interpreterName'] = 'form.tooLong';
  if (!values.documentReference.trim()) errors['documentReference'] = 'form.required';
  else if (values.documentReference.length > 200) errors['documentReference'] = 'form.tooLong';
  for (const ack of ACKNOWLEDGEMENTS) {
    if (!values.acknowledgements[ack]) errors[`acknowledgements.${ack}`] = 'consentForm.mustAcknowledge';
  }
  return errors;
}

/** recordConsent's input; dates as instants, the interpreter named only when one was used. */
export function recordConsentInput(survivorId: string, values: ConsentFormValues) {
  const self = values.grantorType === 'SELF';
  return {
    survivorId,
    grantor: {
      type: values.grantorType as GrantorType,
      name: values.grantorName.trim() || undefined,
      relationship: self ? undefined : values.relationship.trim(),
      notSuspectedAttestation: self ? undefined : values.notSuspected,
    },
    recipientAgencyIds: values.recipientAgencyIds,
    purposes: values.purposes,
    dataClasses: values.dataClasses,
    validFrom: values.validFrom ? new Date(dayStart(values.validFrom)).toISOString() : undefined,
    validUntil: new Date(dayEnd(values.validUntil)).toISOString(),
    obtainedHow: values.obtainedHow as ConsentObtainedHow,
    language: values.language.trim(),
    interpreterUsed: values.interpreterUsed,
    interpreterName: values.interpreterUsed ? values.interpreterName.trim() || undefined : undefined,
    acknowledgements: values.acknowledgements,
    documentReference: values.documentReference.trim(),
  };
}

/**
 * The last day a consent may hold, as YYYY-MM-DD: the cap counts from its first day and from now,
 * whichever is earlier (a blank or unreadable first day is now). It ends at the start of the day
 * after its last, so the last day is the cap less one day after that start.
 */
export function lastValidDay(now: Date, validFrom: string, limits: ConsentLimits): string {
  const from = isDay(validFrom) ? dayStart(validFrom) : Number.NaN;
  const start = Number.isNaN(from) ? now.getTime() : Math.min(from, now.getTime());
  return new Date(start + (limits.maxValidityDays - 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Records a survivor's signed consent: who grants it, to which agencies, for what, for how long,
 * how it was obtained and explained, and the three acknowledgements the caseworker reads aloud.
 */
export function ConsentFormScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('consentForm.title'));
  const survivor = useQuery(CONSENT_SURVIVOR, { variables: { id }, fetchPolicy: 'no-cache' });
  const agencies = useQuery(AGENCIES_QUERY);
  const rules = useQuery(CONSENT_RULES);

  if ((survivor.loading && !survivor.data) || (rules.loading && !rules.data))
    return <p role="status">{t('app.loading')}</p>;
  if (survivor.error || !survivor.data)
    return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  // Reached by its address without the record offering it (another agency's record): say so, no form.
  if (!survivor.data.survivor.availableActions.includes('RECORD_CONSENT'))
    return <NotOfferedOnRecord heading={t('consentForm.notPermitted')} survivorId={id} />;
  if (rules.error || !rules.data) return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  return (
    <ConsentForm
      survivorId={id}
      reference={survivor.data.survivor.reference}
      minor={survivor.data.survivor.minor}
      limits={rules.data.consentRules}
      agencies={agencies.data}
    />
  );
}

/** The form itself, once the record and the hub's limits are known (the agencies may come later). */
function ConsentForm(props: {
  survivorId: string;
  reference: string;
  minor: boolean;
  limits: ConsentLimits;
  agencies: ConsentAgenciesQuery | undefined;
}) {
  const { survivorId: id, minor, limits } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [record] = useMutation(RECORD_CONSENT);
  const [values, setValues] = useState<ConsentFormValues>(EMPTY_CONSENT);
  const set = <K extends keyof ConsentFormValues>(field: K, value: ConsentFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  // Every message and hint about the dates names the hub's limits.
  const dateLimits = {
    days: limits.maxValidityDays,
    backdateDays: limits.maxBackdateDays,
    last: lastValidDay(new Date(), values.validFrom, limits),
  };
  const form = useFormSubmission({
    id: 'consent',
    validate: (chosen: ConsentFormValues) => validateConsent(chosen, { now: new Date(), minor, limits }),
    submit: async (chosen: ConsentFormValues) => {
      await record({ variables: { input: recordConsentInput(id, chosen) } });
      await navigate(`/survivors/${id}`, { state: { done: 'CONSENT_RECORDED' } });
    },
    values: dateLimits,
    controls: Object.fromEntries(ACKNOWLEDGEMENTS.map((ack) => [`acknowledgements.${ack}`, `ack-${ack}`])),
  });
  const { error } = form;
  const own = props.agencies?.me.agency?.id;
  const readers = new Set(values.purposes.flatMap((purpose) => READERS[purpose]));
  // Recipients who can read for one of the chosen purposes; never the owner, never one taken off the hub.
  const candidates = (props.agencies?.agencies.edges ?? [])
    .map((edge) => edge.node)
    .filter((agency) => agency.id !== own && !agency.deactivatedAt && readers.has(agency.type));
  // Recipients that no longer fit the purposes are not sent.
  const chosen = (): ConsentFormValues => ({
    ...values,
    recipientAgencyIds: values.recipientAgencyIds.filter((r) => candidates.some((a) => a.id === r)),
  });

  const self = values.grantorType === 'SELF';
  return (
    <>
      <h1>{t('consentForm.title')}</h1>
      <p>{t('consentForm.for', { reference: props.reference })}</p>
      <p className="usa-intro">{t('consentForm.intro')}</p>
      <form
        className="usa-form usa-form--large"
        noValidate
        onSubmit={(event) => form.onSubmit(event, chosen())}
      >
        {form.problems}
        <ChoiceGroup
          id="grantorType"
          required
          label={t('consentForm.grantorType')}
          hint={minor ? t('consentForm.minorHint') : undefined}
          options={GRANTOR_TYPES.map((value) => ({ value, label: t(`grantorType.${value}`) }))}
          selected={values.grantorType ? [values.grantorType] : []}
          onChange={([type]) => set('grantorType', type as GrantorType)}
          error={error('grantorType')}
        />
        <TextField
          id="grantorName"
          label={t('consentForm.grantorName')}
          hint={t('consentForm.grantorNameHint')}
          value={values.grantorName}
          onChange={(name) => set('grantorName', name)}
          error={error('grantorName')}
        />
        {values.grantorType && !self && (
          <>
            <TextField
              id="relationship"
              required
              label={t('consentForm.relationship')}
              value={values.relationship}
              onChange={(relationship) => set('relationship', relationship)}
              error={error('relationship')}
            />
            <ChoiceGroup
              id="notSuspected"
              multiple
              required
              label={t('consentForm.attestation')}
              options={[{ value: 'yes', label: t('consentForm.notSuspected') }]}
              selected={values.notSuspected ? ['yes'] : []}
              onChange={(selected) => set('notSuspected', selected.includes('yes'))}
              error={error('notSuspected')}
            />
          </>
        )}
        <ChoiceGroup
          id="purposes"
          multiple
          required
          label={t('consentForm.purposes')}
          options={CONSENT_PURPOSES.map((value) => ({
            value,
            label: t(`purpose.${value}`),
            description: t(`consentForm.purposeExplain.${value}`),
          }))}
          selected={values.purposes}
          onChange={(purposes) => set('purposes', purposes as ConsentPurpose[])}
          error={error('purposes')}
        />
        {values.purposes.length === 0 ? (
          <p className="usa-hint">{t('consentForm.choosePurposeFirst')}</p>
        ) : (
          <ChoiceGroup
            id="recipientAgencyIds"
            multiple
            tile
            required
            label={t('consentForm.recipients')}
            hint={t('consentForm.recipientsHint')}
            options={candidates.map((agency) => ({
              value: agency.id,
              label: agency.name,
              description: t(`agencyType.${agency.type}`),
            }))}
            selected={values.recipientAgencyIds}
            onChange={(ids) => set('recipientAgencyIds', ids)}
            error={error('recipientAgencyIds')}
          />
        )}
        <ChoiceGroup
          id="dataClasses"
          multiple
          required
          label={t('consentForm.dataClasses')}
          options={DATA_CLASSES.map((value) => ({
            value,
            label: t(`dataClass.${value}`),
            description: t(`consentForm.classExplain.${value}`),
          }))}
          selected={values.dataClasses}
          onChange={(classes) => set('dataClasses', classes as DataClass[])}
          error={error('dataClasses')}
        />
        <TextField
          id="validFrom"
          label={t('consentForm.validFrom')}
          hint={t('consentForm.validFromHint', dateLimits)}
          value={values.validFrom}
          onChange={(day) => set('validFrom', day)}
          error={error('validFrom')}
        />
        <TextField
          id="validUntil"
          required
          label={t('consentForm.validUntil')}
          hint={t('consentForm.validUntilHint', dateLimits)}
          value={values.validUntil}
          onChange={(day) => set('validUntil', day)}
          error={error('validUntil')}
        />
        <ChoiceGroup
          id="obtainedHow"
          required
          label={t('consentForm.obtainedHow')}
          options={OBTAINED_HOW.map((value) => ({ value, label: t(`obtainedHow.${value}`) }))}
          selected={values.obtainedHow ? [values.obtainedHow] : []}
          onChange={([how]) => set('obtainedHow', how as ConsentObtainedHow)}
          error={error('obtainedHow')}
        />
        <TextField
          id="documentReference"
          required
          label={t('consentForm.documentReference')}
          hint={t('consentForm.documentReferenceHint')}
          value={values.documentReference}
          onChange={(reference) => set('documentReference', reference)}
          error={error('documentReference')}
        />
        <TextField
          id="language"
          required
          label={t('consentForm.language')}
          hint={t('newReferral.languageHint')}
          value={values.language}
          onChange={(language) => set('language', language)}
          error={error('language')}
        />
        <Checkbox
          id="interpreterUsed"
          name="interpreterUsed"
          className="margin-top-2"
          label={t('consentForm.interpreterUsed')}
          checked={values.interpreterUsed}
          onChange={(event) => set('interpreterUsed', event.target.checked)}
        />
        {values.interpreterUsed && (
          <TextField
            id="interpreterName"
            label={t('consentForm.interpreterName')}
            value={values.interpreterName}
            onChange={(name) => set('interpreterName', name)}
            error={error('interpreterName')}
          />
        )}
        <h2>{t('consentForm.acknowledgements')}</h2>
        <p>{t('consentForm.readAloud')}</p>
        {ACKNOWLEDGEMENTS.map((ack) => (
          <ChoiceGroup
            key={ack}
            id={`ack-${ack}`}
            multiple
            required
            label={t(`consentForm.ack.${ack}.title`)}
            hint={t(`consentForm.ack.${ack}.text`)}
            options={[{ value: 'yes', label: t('consentForm.ackConfirm') }]}
            selected={values.acknowledgements[ack] ? ['yes'] : []}
            onChange={(selected) =>
              set('acknowledgements', { ...values.acknowledgements, [ack]: selected.includes('yes') })
            }
            error={error(`acknowledgements.${ack}`)}
          />
        ))}
        <ButtonGroup className="margin-top-3">
          <Button type="submit" disabled={form.busy}>
            {t('consentForm.record')}
          </Button>
          <Link className="usa-button usa-button--outline" to={`/survivors/${id}`}>
            {t('form.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
