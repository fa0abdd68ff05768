import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup, Checkbox, ErrorMessage, FormGroup } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useFormSubmission } from '../forms/form-submission';
import { LANGUAGE_CODE } from '../forms/patterns';
import { graphql } from '../gql';
import type {
  AgeBand,
  AgencyType,
  ConsentPurpose,
  DataClass,
  OnwardReferralParentQuery,
  ServiceNeed,
  Urgency,
} from '../gql/graphql';
import { errorCode } from '../graphql/errors';
import { usePageTitle } from '../page-title';
import { formatDateTime } from '../i18n';
import { Notice } from '../notice';
import { AGE_BANDS, DATA_CLASSES, SERVICE_NEEDS, URGENCIES } from './enums';
import { ErrorNotice } from './error-notice';
import { SEND_REFERRAL } from './referral-actions';
import { normaliseReference, SURVIVORS_QUERY } from './survivors';

export const DIRECTORY_QUERY = graphql(`
  query ReferralDirectory($need: ServiceNeed, $language: String, $area: String, $acceptingOnly: Boolean) {
    directory(need: $need, language: $language, area: $area, acceptingOnly: $acceptingOnly, first: 20) {
      edges {
        node {
          id
          name
          type
          services
          languages
          serviceAreas
          acceptingReferrals
        }
      }
    }
  }
`);

export const CREATE_REFERRAL = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);

export const ME_QUERY = graphql(`
  query NewReferralMe {
    me {
      agency {
        id
      }
    }
  }
`);

/**
 * The referral an onward referral continues, as the caller sees it: who sent it and when, what it
 * said of a de-identified survivor, and of a survivor record only the non-personal reference and age
 * band (read without the cache, like every survivor read).
 */
export const ONWARD_PARENT_QUERY = graphql(`
  query OnwardReferralParent($id: ID!) {
    referral(id: $id) {
      id
      sentAt
      createdAt
      language
      ageBand
      fromAgency {
        id
        name
      }
      toAgency {
        id
      }
      survivor {
        id
        reference
        ageBand
      }
    }
  }
`);

/** The referral an onward referral continues. */
export type OnwardParent = OnwardReferralParentQuery['referral'];

/** A survivor's consents, for picking the one that covers the recipient (no grantor: not needed here). */
export const REFERRAL_CONSENTS = graphql(`
  query ReferralConsents($survivorId: ID!) {
    consents(survivorId: $survivorId) {
      id
      status
      purposes
      recipientAgencyIds
      dataClasses
      validUntil
    }
  }
`);

/** The purpose an agency reads for (DESIGN.md §4): law enforcement and prosecutors investigate. */
export const readerPurpose = (type: AgencyType): ConsentPurpose =>
  type === 'LAW_ENFORCEMENT' || type === 'PROSECUTOR' ? 'INVESTIGATION' : 'SERVICE';

/** The consents that may carry a referral to the recipient now: in force, naming it, for its purpose. */
export function coveringConsents<
  C extends { status: string; purposes: readonly ConsentPurpose[]; recipientAgencyIds: readonly string[] },
>(consents: readonly C[], recipient: { id: string; type: AgencyType } | undefined): C[] {
  if (!recipient) return [];
  return consents.filter(
    (consent) =>
      consent.status === 'ACTIVE' &&
      consent.recipientAgencyIds.includes(recipient.id) &&
      consent.purposes.includes(readerPurpose(recipient.type)),
  );
}

export interface DirectorySearch {
  need: ServiceNeed | '';
  language: string;
  area: string;
  acceptingOnly: boolean;
}

export interface NewReferralValues {
  toAgencyId: string;
  needs: ServiceNeed[];
  urgency: Urgency | '';
  language: string;
  ageBand: AgeBand | '';
  callback: string;
  notes: string;
  /** With a survivor record (then survivorId, consentId and sharedClasses), else de-identified. */
  withSurvivor?: boolean;
  survivorId?: string;
  consentId?: string;
  sharedClasses?: DataClass[];
  /** An onward referral: the referral the caller's agency received that this one continues. */
  parentReferralId?: string;
}

/** Field → the key of its message (`form.*`); empty when the referral may be made. Same limits as the API. */
export function validateNewReferral(values: NewReferralValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.toAgencyId) errors['toAgencyId'] = 'newReferral.chooseRecipient';
  if (values.needs.length === 0) errors['needs'] = 'form.chooseAtLeastOne';
  if (!values.urgency) errors['urgency'] = 'form.chooseOne';
  if (values.language.trim() && !LANGUAGE_CODE.test(values.language.trim()))
    errors['language'] = 'form.languageCode';
  if (values.withSurvivor) {
    if (!values.survivorId) errors['survivorId'] = 'newReferral.chooseSurvivor';
    else if (!values.consentId) errors['consentId'] = 'newReferral.chooseConsent';
    else if (!values.sharedClasses?.length) errors['sharedClasses'] = 'form.chooseAtLeastOne';
  } else if (!values.callback.trim()) errors['callback'] = 'form.required';
  else if (values.callback.length > 500) errors['callback'] = 'form.tooLong';
  if (values.notes.length > 4000) errors['notes'] = 'form.tooLong';
  return errors;
}

/**
 * The createReferral input: with a survivor, the record, its consent and the classes shared (the
 * de-identified fields are refused then); else de-identified. Blank optional fields left out; an
 * onward referral names its parent.
 */
export function newReferralInput(values: NewReferralValues, idempotencyKey: string) {
  const parent = values.parentReferralId ? { parentReferralId: values.parentReferralId } : {};
  if (values.withSurvivor) {
    return {
      toAgencyId: values.toAgencyId,
      needs: values.needs,
      urgency: values.urgency as Urgency,
      survivorId: values.survivorId,
      consentId: values.consentId,
      sharedClasses: values.sharedClasses,
      notes: values.notes.trim() || undefined,
      ...parent,
      idempotencyKey,
    };
  }
  return {
    toAgencyId: values.toAgencyId,
    needs: values.needs,
    urgency: values.urgency as Urgency,
    language: values.language.trim() || undefined,
    ageBand: values.ageBand || undefined,
    callback: values.callback.trim(),
    notes: values.notes.trim() || undefined,
    ...parent,
    idempotencyKey,
  };
}

/**
 * The form's first values for an onward referral: linked to its parent and, as a convenience the
 * person sees and may change, what the parent said of the survivor — their record when it is still
 * shared with the caller's agency (the consent must still name the new recipient: the API checks),
 * else a de-identified parent's language and age band. The needs, urgency and callback route are the
 * caller's own. Nothing else is carried over: the API links the two and copies nothing.
 */
export function onwardValues(parent: OnwardParent): Partial<NewReferralValues> {
  if (parent.survivor) {
    return { parentReferralId: parent.id, withSurvivor: true, survivorId: parent.survivor.id };
  }
  return {
    parentReferralId: parent.id,
    language: parent.language ?? '',
    ageBand: (parent.ageBand as AgeBand | null) ?? '',
  };
}

/** `/referrals/new`: a referral of the caller's agency's own. */
export function NewReferralScreen() {
  return <NewReferralForm />;
}

/**
 * `/referrals/:id/refer-onward`: a referral continuing one the caller's agency received (the API's
 * rule for `parentReferralId`). The parent is read again here, so a reload works and nothing about
 * the survivor crosses the address; a parent the caller cannot see is "not found", one their agency
 * did not receive is refused before the form.
 */
export function OnwardReferralScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('onwardReferral.title'));
  const parent = useQuery(ONWARD_PARENT_QUERY, { variables: { id }, fetchPolicy: 'no-cache' });
  const me = useQuery(ME_QUERY);
  if ((parent.loading && !parent.data) || (me.loading && !me.data)) {
    return <p role="status">{t('app.loading')}</p>;
  }
  const error = parent.error ?? me.error;
  if (error) {
    const heading = errorCode(error) === 'NOT_FOUND' ? t('referral.notFound') : t('errors.loadFailed');
    return <Notice type="error" level="h1" heading={heading} />;
  }
  const referral = parent.data?.referral;
  if (!referral) return null;
  if (referral.toAgency.id !== me.data?.me.agency?.id) {
    return (
      <>
        <Notice type="error" level="h1" heading={t('onwardReferral.notReceived')} />
        <p>
          <Link className="usa-link" to={`/referrals/${referral.id}`}>
            {t('onwardReferral.backToReferral')}
          </Link>
        </p>
      </>
    );
  }
  return <NewReferralForm parent={referral} />;
}

/**
 * A new referral: the recipient chosen from the public directory (need, language, area, accepting),
 * then needs, urgency, and either a survivor record under a consent that covers the recipient or,
 * de-identified, a callback route; a note. Created and sent at once, or kept as a draft. One
 * idempotency key per form: a double click, or a retry after a lost answer, makes one referral.
 * With `parent`, an onward referral continuing it (`onwardValues`).
 */
function NewReferralForm(props: { parent?: OnwardParent }) {
  const { t, i18n } = useTranslation();
  const { parent } = props;
  const title = parent ? t('onwardReferral.title') : t('newReferral.title');
  usePageTitle(title);
  const navigate = useNavigate();
  const idempotencyKey = useRef(crypto.randomUUID()).current;
  const [search, setSearch] = useState<DirectorySearch>({
    need: '',
    language: '',
    area: '',
    acceptingOnly: true,
  });
  const [values, setValues] = useState<NewReferralValues>(() => ({
    toAgencyId: '',
    needs: [],
    urgency: '',
    language: '',
    ageBand: '',
    callback: '',
    notes: '',
    ...(parent ? onwardValues(parent) : {}),
  }));
  // A referral created but not sent (the send refused): kept as a draft, linked from the refusal.
  const [draftId, setDraftId] = useState<string>();
  const [findAgencies, directory] = useLazyQuery(DIRECTORY_QUERY);
  const me = useQuery(ME_QUERY);
  const [create] = useMutation(CREATE_REFERRAL);
  const [send] = useMutation(SEND_REFERRAL);
  // "Create and send" (true) or "Save as draft" (false). The key makes a second create answer the first's referral.
  const form = useFormSubmission({
    id: 'referral',
    validate: validateNewReferral,
    submit: async (current: NewReferralValues, andSend: boolean) => {
      const created = await create({ variables: { input: newReferralInput(current, idempotencyKey) } });
      const referral = created.data?.createReferral.referral;
      if (!referral) throw new Error('createReferral answered no referral');
      setDraftId(referral.id);
      // A retry of a create that was sent already answers the same referral, no longer a draft.
      if (andSend && referral.status === 'DRAFT') {
        await send({ variables: { input: { referralId: referral.id, expectedVersion: referral.version } } });
      }
      await navigate(`/referrals/${referral.id}`, { state: { done: andSend ? 'SEND' : 'DRAFT' } });
    },
    notice: (error) =>
      draftId ? (
        <>
          <ErrorNotice error={error} />
          <p>
            {t('newReferral.draftKept')}{' '}
            <Link className="usa-link" to={`/referrals/${draftId}`}>
              {t('newReferral.openDraft')}
            </Link>
          </p>
        </>
      ) : undefined,
    controls: { survivorId: 'survivorReference' },
  });
  const { errors, error } = form;

  const set = <K extends keyof NewReferralValues>(field: K, value: NewReferralValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const ownAgency = me.data?.me.agency?.id;
  // An agency does not refer to itself (the API refuses it too).
  const agencies = (directory.data?.directory.edges ?? [])
    .map((edge) => edge.node)
    .filter((agency) => agency.id !== ownAgency);

  const find = async (event: React.FormEvent) => {
    event.preventDefault();
    set('toAgencyId', '');
    await findAgencies({
      variables: {
        need: search.need || undefined,
        language: search.language.trim() || undefined,
        area: search.area.trim() || undefined,
        acceptingOnly: search.acceptingOnly,
      },
    });
    // The results are announced (role="status") and the first choice is a Tab away.
  };

  return (
    <>
      <h1>{title}</h1>
      {parent ? (
        <>
          <p className="usa-intro">
            {t('onwardReferral.from')}{' '}
            <Link className="usa-link" to={`/referrals/${parent.id}`}>
              {t('onwardReferral.parent', {
                agency: parent.fromAgency.name,
                date: formatDateTime(parent.sentAt ?? parent.createdAt, i18n.language),
              })}
            </Link>
          </p>
          <p>
            {parent.survivor || parent.language || parent.ageBand ? `${t('onwardReferral.prefilled')} ` : ''}
            {t('onwardReferral.notShown')}
          </p>
        </>
      ) : (
        <p className="usa-intro">{t('newReferral.intro')}</p>
      )}

      <section aria-labelledby="directory-heading">
        <h2 id="directory-heading">{t('newReferral.directory')}</h2>
        <form className="usa-form usa-form--large" onSubmit={(e) => void find(e)} noValidate>
          <SelectField
            id="search-need"
            label={t('newReferral.searchNeed')}
            value={search.need}
            onChange={(need) => setSearch({ ...search, need: need as ServiceNeed | '' })}
            placeholder={t('newReferral.anyNeed')}
            options={SERVICE_NEEDS.map((value) => ({ value, label: t(`need.${value}`) }))}
          />
          <TextField
            id="search-language"
            label={t('newReferral.searchLanguage')}
            hint={t('newReferral.languageHint')}
            value={search.language}
            onChange={(language) => setSearch({ ...search, language })}
          />
          <TextField
            id="search-area"
            label={t('newReferral.searchArea')}
            hint={t('newReferral.areaHint')}
            value={search.area}
            onChange={(area) => setSearch({ ...search, area })}
          />
          <Checkbox
            id="search-accepting"
            name="search-accepting"
            label={t('newReferral.acceptingOnly')}
            checked={search.acceptingOnly}
            onChange={(event) => setSearch({ ...search, acceptingOnly: event.target.checked })}
          />
          <Button type="submit" className="margin-top-2">
            {t('newReferral.find')}
          </Button>
        </form>
        <p role="status" className="margin-top-2">
          {directory.loading
            ? t('app.loading')
            : directory.data
              ? t('newReferral.found', { count: agencies.length })
              : ''}
        </p>
        {directory.error && <ErrorNotice error={directory.error} />}
      </section>

      <form
        id="referral-form"
        className="usa-form usa-form--large"
        noValidate
        onSubmit={(event) => form.onSubmit(event, values, true)}
      >
        {form.problems}
        {agencies.length > 0 || errors['toAgencyId'] ? (
          <ChoiceGroup
            id="toAgencyId"
            tile
            required
            label={t('newReferral.recipient')}
            options={agencies.map((agency) => ({
              value: agency.id,
              label: agency.name,
              description: [
                agency.services.map((need) => t(`need.${need}`)).join(', '),
                agency.languages.length
                  ? t('newReferral.languages', { list: agency.languages.join(', ') })
                  : '',
                agency.serviceAreas.length
                  ? t('newReferral.areas', { list: agency.serviceAreas.join(', ') })
                  : '',
                agency.acceptingReferrals ? '' : t('newReferral.notAccepting'),
              ]
                .filter(Boolean)
                .join(' · '),
            }))}
            selected={values.toAgencyId ? [values.toAgencyId] : []}
            onChange={([id]) =>
              // A consent chosen for another recipient may not cover this one.
              setValues((current) => ({ ...current, toAgencyId: id, consentId: '', sharedClasses: [] }))
            }
            error={error('toAgencyId')}
          />
        ) : null}
        <ChoiceGroup
          id="needs"
          multiple
          required
          label={t('newReferral.needs')}
          options={SERVICE_NEEDS.map((value) => ({ value, label: t(`need.${value}`) }))}
          selected={values.needs}
          onChange={(needs) => set('needs', needs as ServiceNeed[])}
          error={error('needs')}
        />
        <ChoiceGroup
          id="urgency"
          required
          label={t('newReferral.urgency')}
          hint={t('newReferral.urgencyHint')}
          options={URGENCIES.map((value) => ({ value, label: t(`urgency.${value}`) }))}
          selected={values.urgency ? [values.urgency] : []}
          onChange={([urgency]) => set('urgency', urgency as Urgency)}
          error={error('urgency')}
        />
        <ChoiceGroup
          id="withSurvivor"
          label={t('newReferral.who')}
          options={[
            { value: 'no', label: t('newReferral.deidentifiedChoice') },
            { value: 'yes', label: t('newReferral.withSurvivorChoice') },
          ]}
          selected={[values.withSurvivor ? 'yes' : 'no']}
          onChange={([choice]) => set('withSurvivor', choice === 'yes')}
        />
        {values.withSurvivor ? (
          <SurvivorPicker
            preset={parent?.survivor ?? undefined}
            recipient={agencies.find((agency) => agency.id === values.toAgencyId)}
            values={values}
            onChange={(change) => setValues((current) => ({ ...current, ...change }))}
            error={error}
          />
        ) : (
          <>
            <TextField
              id="language"
              label={t('newReferral.language')}
              hint={t('newReferral.languageHint')}
              value={values.language}
              onChange={(language) => set('language', language)}
              error={error('language')}
            />
            <SelectField
              id="ageBand"
              label={t('survivor.ageBand')}
              value={values.ageBand}
              onChange={(ageBand) => set('ageBand', ageBand as AgeBand | '')}
              placeholder={t('form.select')}
              options={AGE_BANDS.map((value) => ({ value, label: t(`ageBand.${value}`) }))}
            />
            <TextField
              id="callback"
              required
              label={t('referral.callback')}
              hint={t('newReferral.callbackHint')}
              value={values.callback}
              onChange={(callback) => set('callback', callback)}
              error={error('callback')}
            />
          </>
        )}
        <TextAreaField
          id="notes"
          label={t('referral.notes')}
          hint={t('newReferral.notesHint')}
          value={values.notes}
          onChange={(notes) => set('notes', notes)}
          error={error('notes')}
        />
        <p className="margin-top-3">{t('actions.warning.SEND')}</p>
        <ButtonGroup className="margin-top-2">
          <Button type="submit" disabled={form.busy}>
            {t('newReferral.createAndSend')}
          </Button>
          <Button
            type="button"
            outline
            disabled={form.busy}
            onClick={(event) => form.onSubmit(event, values, false)}
          >
            {t('newReferral.saveDraft')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

/**
 * With a survivor: the record found by its reference (never a list of names) — or, for an onward
 * referral, the one its parent shares (`preset`) — then one of its consents that covers the chosen
 * recipient now, then the classes to share (those the consent grants). The API judges again and
 * refuses what the consent does not cover.
 */
function SurvivorPicker(props: {
  preset?: { id: string; reference: string; ageBand: string };
  recipient: { id: string; type: AgencyType } | undefined;
  values: NewReferralValues;
  onChange: (change: Partial<NewReferralValues>) => void;
  error: (field: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string>();
  const [findSurvivor, survivors] = useLazyQuery(SURVIVORS_QUERY, { fetchPolicy: 'no-cache' });
  const { preset } = props;
  const survivorId = props.values.survivorId;
  // The chosen record's consents, whichever way it was chosen.
  const consents = useQuery(REFERRAL_CONSENTS, {
    variables: { survivorId: survivorId ?? '' },
    skip: !survivorId,
    fetchPolicy: 'no-cache',
  });
  const found = preset ?? survivors.data?.survivors.edges[0]?.node;
  const covering = coveringConsents(consents.data?.consents ?? [], props.recipient);
  const consent = covering.find((candidate) => candidate.id === props.values.consentId);

  const find = async () => {
    const normalised = normaliseReference(typed);
    setTypedError(normalised.error ?? (normalised.reference ? undefined : 'form.required'));
    props.onChange({ survivorId: '', consentId: '', sharedClasses: [] });
    if (!normalised.reference) return;
    const result = await findSurvivor({ variables: { reference: normalised.reference, first: 1 } });
    const survivor = result.data?.survivors.edges[0]?.node;
    if (survivor) props.onChange({ survivorId: survivor.id });
  };

  return (
    <fieldset className="usa-fieldset margin-top-3">
      <legend className="usa-legend usa-legend--large">{t('newReferral.survivor')}</legend>
      {preset ? (
        <p>
          {t('onwardReferral.survivor', {
            reference: preset.reference,
            ageBand: t(`ageBand.${preset.ageBand}`),
          })}
        </p>
      ) : (
        <>
          <TextField
            id="survivorReference"
            label={t('survivors.findByReference')}
            hint={t('survivors.referenceHint')}
            value={typed}
            onChange={setTyped}
            error={typedError ? t(typedError) : props.error('survivorId')}
          />
          <Button type="button" outline className="margin-top-1" onClick={() => void find()}>
            {t('survivors.find')}
          </Button>
          <p role="status">
            {survivors.loading
              ? t('app.loading')
              : survivors.data
                ? found
                  ? t('newReferral.survivorFound', {
                      reference: found.reference,
                      ageBand: t(`ageBand.${found.ageBand}`),
                    })
                  : t('survivors.none')
                : ''}
          </p>
        </>
      )}
      {found && !props.recipient && <p className="usa-hint">{t('newReferral.recipientFirst')}</p>}
      {found && props.recipient && consents.data && covering.length === 0 && (
        // No consent to choose: the form's "choose a consent" is said here, where the choice would be.
        <FormGroup error={Boolean(props.error('consentId'))}>
          {props.error('consentId') && (
            <ErrorMessage id="consentId-error">{props.error('consentId')}</ErrorMessage>
          )}
          <p>
            {preset ? (
              // The record is another agency's: only its owner records consents.
              t('onwardReferral.noCoveringConsent')
            ) : (
              <>
                {t('newReferral.noCoveringConsent')}{' '}
                <Link className="usa-link" to={`/survivors/${found.id}/consents/new`}>
                  {t('survivor.recordConsent')}
                </Link>
              </>
            )}
          </p>
        </FormGroup>
      )}
      {found && covering.length > 0 && (
        <ChoiceGroup
          id="consentId"
          required
          label={t('newReferral.consent')}
          options={covering.map((candidate) => ({
            value: candidate.id,
            label: t('newReferral.consentUntil', {
              until: formatDateTime(candidate.validUntil, i18n.language),
            }),
            description: candidate.dataClasses.map((c) => t(`dataClass.${c}`)).join(', '),
          }))}
          selected={props.values.consentId ? [props.values.consentId] : []}
          onChange={([consentId]) => props.onChange({ consentId, sharedClasses: [] })}
          error={props.error('consentId')}
        />
      )}
      {consent && (
        <ChoiceGroup
          id="sharedClasses"
          multiple
          required
          label={t('newReferral.sharedClasses')}
          hint={t('newReferral.sharedClassesHint')}
          options={DATA_CLASSES.filter((c) => consent.dataClasses.includes(c)).map((value) => ({
            value,
            label: t(`dataClass.${value}`),
          }))}
          selected={props.values.sharedClasses ?? []}
          onChange={(classes) => props.onChange({ sharedClasses: classes as DataClass[] })}
          error={props.error('sharedClasses')}
        />
      )}
    </fieldset>
  );
}
