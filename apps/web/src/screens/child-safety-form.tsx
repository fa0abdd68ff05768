import { useMutation, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ChoiceGroup, TextAreaField, TextField } from '../forms/fields';
import { useFormSubmission } from '../forms/form-submission';
import { graphql } from '../gql';
import type { AgencyType, Urgency } from '../gql/graphql';
import { Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { AGENCIES_QUERY } from './consent-form';
import { URGENCIES } from './enums';
import { NotOfferedOnRecord } from './not-offered';
import { WhatWillHappen } from './what-will-happen';

/** The record's non-personal fields, and whether the policy lets the caller report about it. */
export const CHILD_SAFETY_SURVIVOR = graphql(`
  query ChildSafetySurvivor($id: ID!) {
    survivor(id: $id) {
      id
      reference
      minor
      availableActions
    }
  }
`);

export const CREATE_CHILD_SAFETY_REFERRAL = graphql(`
  mutation CreateChildSafetyReferral($input: CreateChildSafetyReferralInput!) {
    createChildSafetyReferral(input: $input) {
      referral {
        id
        status
      }
    }
  }
`);

/** Who receives a mandatory report (CreateChildSafetyReferralInput.toAgencyId). */
export const CHILD_SAFETY_RECIPIENT_TYPES: readonly AgencyType[] = ['LAW_ENFORCEMENT', 'CHILD_WELFARE'];
/** Days the recipient sees the record (grantDays: 1 to 90, 30 when not given). */
export const GRANT_DAYS = { min: 1, max: 90, default: 30 };

export interface ChildSafetyValues {
  toAgencyId: string;
  legalBasis: string;
  reason: string;
  urgency: Urgency;
  grantDays: string;
}

export const EMPTY_CHILD_SAFETY: ChildSafetyValues = {
  toAgencyId: '',
  legalBasis: '',
  reason: '',
  urgency: 'URGENT',
  grantDays: String(GRANT_DAYS.default),
};

/** Field → the key of its message; empty when the report may be sent. The API's limits. */
export function validateChildSafety(values: ChildSafetyValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.toAgencyId) errors['toAgencyId'] = 'form.chooseOne';
  const text = (field: 'legalBasis' | 'reason', max: number) => {
    if (!values[field].trim()) errors[field] = 'form.required';
    else if (values[field].trim().length > max) errors[field] = 'form.tooLong';
  };
  text('legalBasis', 500);
  text('reason', 2000);
  const days = values.grantDays.trim();
  if (!/^\d{1,3}$/.test(days) || Number(days) < GRANT_DAYS.min || Number(days) > GRANT_DAYS.max)
    errors['grantDays'] = 'safety.childSafety.grantDaysRange';
  return errors;
}

export function childSafetyInput(survivorId: string, values: ChildSafetyValues) {
  return {
    survivorId,
    toAgencyId: values.toAgencyId,
    legalBasis: values.legalBasis.trim(),
    reason: values.reason.trim(),
    urgency: values.urgency,
    grantDays: Number(values.grantDays.trim()),
  };
}

/** The API's refusals of an input, each on its field in the form's words. */
const REFUSED: Record<string, string> = {
  toAgencyId: 'safety.childSafety.refused.toAgencyId',
  survivorId: 'safety.childSafety.refused.survivorId',
  legalBasis: 'form.required',
  reason: 'form.required',
  grantDays: 'safety.childSafety.grantDaysRange',
};

/**
 * A child-safety referral — a mandatory report about a minor — by a supervisor of the agency that owns
 * the record (offered only where the API lists REPORT_CHILD_SAFETY): the recipient, the legal basis
 * and why, and what will happen said before the confirming button. Sent at once.
 */
export function ChildSafetyFormScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('safety.childSafety.title'));
  const navigate = useNavigate();
  const survivor = useQuery(CHILD_SAFETY_SURVIVOR, { variables: { id }, fetchPolicy: 'no-cache' });
  const agencies = useQuery(AGENCIES_QUERY);
  const [report] = useMutation(CREATE_CHILD_SAFETY_REFERRAL);
  const [values, setValues] = useState<ChildSafetyValues>(EMPTY_CHILD_SAFETY);
  const form = useFormSubmission({
    id: 'child-safety',
    validate: validateChildSafety,
    submit: async (current: ChildSafetyValues) => {
      const { data } = await report({ variables: { input: childSafetyInput(id, current) } });
      if (data)
        await navigate(`/referrals/${data.createChildSafetyReferral.referral.id}`, {
          state: { done: 'SEND' },
        });
    },
    refused: {
      field: (problem) => (REFUSED[problem.field] ? problem.field : null),
      message: (field) => REFUSED[field],
    },
  });
  const { error } = form;
  const set = <K extends keyof ChildSafetyValues>(field: K, value: ChildSafetyValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  if (survivor.loading && !survivor.data) return <p role="status">{t('app.loading')}</p>;
  if (survivor.error || !survivor.data)
    return <Notice type="error" level="h1" heading={t('survivor.notFound')} />;
  const record = survivor.data.survivor;
  if (!record.availableActions.includes('REPORT_CHILD_SAFETY'))
    return <NotOfferedOnRecord heading={t('safety.childSafety.notOffered')} survivorId={record.id} />;
  const own = agencies.data?.me.agency?.id;
  const recipients = (agencies.data?.agencies.edges ?? [])
    .map((edge) => edge.node)
    .filter(
      (agency) =>
        agency.id !== own && !agency.deactivatedAt && CHILD_SAFETY_RECIPIENT_TYPES.includes(agency.type),
    );
  const recipient = recipients.find((agency) => agency.id === values.toAgencyId);
  const days = validateChildSafety(values)['grantDays'] ? GRANT_DAYS.default : Number(values.grantDays);

  const recipientName = recipient?.name ?? t('safety.childSafety.theRecipient');
  return (
    <>
      <h1>{t('safety.childSafety.title')}</h1>
      <p>{t('safety.childSafety.for', { reference: record.reference })}</p>
      <p className="usa-intro">{t('safety.childSafety.intro')}</p>
      <form
        className="usa-form usa-form--large"
        noValidate
        onSubmit={(event) => form.onSubmit(event, values)}
      >
        {form.problems}
        <ChoiceGroup
          id="toAgencyId"
          required
          tile
          label={t('safety.childSafety.recipient')}
          hint={recipients.length === 0 ? t('safety.childSafety.noRecipients') : undefined}
          options={recipients.map((agency) => ({
            value: agency.id,
            label: agency.name,
            description: t(`agencyType.${agency.type}`),
          }))}
          selected={values.toAgencyId ? [values.toAgencyId] : []}
          onChange={([agencyId]) => set('toAgencyId', agencyId)}
          error={error('toAgencyId')}
        />
        <TextField
          id="legalBasis"
          required
          label={t('safety.childSafety.legalBasis')}
          hint={t('safety.childSafety.legalBasisHint')}
          value={values.legalBasis}
          onChange={(value) => set('legalBasis', value)}
          error={error('legalBasis')}
        />
        <TextAreaField
          id="reason"
          required
          label={t('safety.childSafety.reason')}
          hint={t('safety.childSafety.reasonHint')}
          value={values.reason}
          onChange={(value) => set('reason', value)}
          error={error('reason')}
        />
        <ChoiceGroup
          id="urgency"
          required
          label={t('safety.childSafety.urgency')}
          options={URGENCIES.map((value) => ({ value, label: t(`urgency.${value}`) }))}
          selected={[values.urgency]}
          onChange={([urgency]) => set('urgency', urgency as Urgency)}
        />
        <TextField
          id="grantDays"
          required
          label={t('safety.childSafety.grantDays')}
          hint={t('safety.childSafety.grantDaysHint')}
          value={values.grantDays}
          onChange={(value) => set('grantDays', value)}
          error={error('grantDays')}
        />
        <WhatWillHappen
          id="child-safety-happens"
          level="h2"
          heading={t('safety.childSafety.whatHappens')}
          items={[
            t('safety.childSafety.happens.report', { agency: recipientName }),
            t('safety.childSafety.happens.sees', { agency: recipientName, count: days }),
            ...(recipient?.type === 'LAW_ENFORCEMENT'
              ? [t('safety.childSafety.happens.lawEnforcement', { agency: recipientName })]
              : []),
            t('safety.childSafety.happens.audited'),
          ]}
        />
        <ButtonGroup className="margin-top-2">
          <Button type="submit" secondary disabled={form.busy}>
            {t('safety.childSafety.confirm')}
          </Button>
          <Link className="usa-button usa-button--unstyled" to={`/survivors/${record.id}`}>
            {t('form.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
