import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONSENT_SURVIVOR,
  CONSENT_RULES,
  EMPTY_CONSENT,
  lastValidDay,
  RECORD_CONSENT,
  recordConsentInput,
  validateConsent,
} from './consent-form';
import { coveringConsents, validateNewReferral } from './new-referral';
import { CONSENTS_QUERY, REVOKE_CONSENT, SURVIVOR_QUERY, validateRevocation } from './survivor';
import {
  changesOf,
  CREATE_SURVIVOR,
  createSurvivorInput,
  EMPTY_SURVIVOR,
  reapply,
  SURVIVOR_FOR_EDIT,
  UPDATE_SURVIVOR,
  validateSurvivor,
} from './survivor-form';
import { normaliseReference } from './survivors';
import { agenciesMock, expectProblemsFocused, FROM, renderAt, SURVIVOR_RECORD, TO } from './testing';

const NOW = new Date('2026-03-01T12:00:00.000Z');

/** The record as its owner's staff read it: they may change it and record consents. */
const RECORD = { ...SURVIVOR_RECORD, availableActions: ['UPDATE', 'RECORD_CONSENT'] };
/** The same record as a partner agency reads it through a grant: nothing to do to it. */
const PARTNERS_VIEW = { ...SURVIVOR_RECORD, availableActions: [] };
const CONSENT = {
  __typename: 'Consent',
  id: 'c-1',
  status: 'ACTIVE',
  ownerAgencyId: FROM.id,
  recipientAgencyIds: [TO.id],
  purposes: ['SERVICE'],
  dataClasses: ['CONTACT', 'NEEDS'],
  validFrom: '2026-02-01T00:00:00.000Z',
  validUntil: '2026-04-01T00:00:00.000Z',
  obtainedHow: 'WRITTEN',
  language: 'es',
  interpreterUsed: true,
  interpreterName: 'M. Ruiz',
  documentReference: 'DOC-7',
  recordedAt: '2026-02-01T09:00:00.000Z',
  grantor: { __typename: 'ConsentGrantor', type: 'SELF', name: 'Ana', relationship: null },
  revocation: null,
  availableActions: ['REVOKE'],
};
const AGENCIES = agenciesMock([
  { ...FROM, type: 'NGO' },
  { ...TO, type: 'NGO' },
  { id: 'a-pd', name: 'Bay County Police', type: 'LAW_ENFORCEMENT' },
  { id: 'a-ta', name: 'TA Center', type: 'TA_PROVIDER' },
]);
const consents = (list: unknown[]) => ({
  request: { query: CONSENTS_QUERY, variables: { survivorId: 's-1' } },
  result: { data: { consents: list } },
});
/** The hub's consent rules (CONSENT_RULES); the API's defaults unless said. */
const rulesMock = (maxValidityDays = 90, maxBackdateDays = 30) => ({
  request: { query: CONSENT_RULES },
  result: { data: { consentRules: { __typename: 'ConsentRules', maxValidityDays, maxBackdateDays } } },
});
/** The consent form's record (CONSENT_SURVIVOR): an adult's, offering what `availableActions` says. */
const consentSurvivor = (availableActions: string[]) => ({
  request: { query: CONSENT_SURVIVOR, variables: { id: 's-1' } },
  result: {
    data: {
      survivor: {
        __typename: 'Survivor',
        id: 's-1',
        reference: RECORD.reference,
        minor: false,
        availableActions,
      },
    },
  },
});

describe('survivor form: validation and what is sent', () => {
  it('checks the API’s limits before sending; every field is optional', () => {
    expect(validateSurvivor(EMPTY_SURVIVOR, '2026-03-01')).toEqual({});
    expect(
      validateSurvivor(
        {
          ...EMPTY_SURVIVOR,
          givenName: 'x'.repeat(101),
          aliases: Array.from({ length: 11 }, (_, i) => `a${i}`).join('\n'),
          dateOfBirth: '2026-03-02',
          phone: 'call me',
          email: 'nope',
          preferredLanguage: 'Spanish',
        },
        '2026-03-01',
      ),
    ).toEqual({
      givenName: 'form.tooLong',
      aliases: 'survivorForm.tooManyAliases',
      dateOfBirth: 'survivorForm.dateOfBirthRange',
      phone: 'survivorForm.phone',
      email: 'survivorForm.email',
      preferredLanguage: 'form.languageCode',
    });
    expect(validateSurvivor({ ...EMPTY_SURVIVOR, dateOfBirth: '25/04/1990' }, '2026-03-01')).toEqual({
      dateOfBirth: 'form.date',
    });
  });

  it('a create sends only what was filled in, with the form’s key', () => {
    expect(
      createSurvivorInput(
        { ...EMPTY_SURVIVOR, givenName: ' Ana ', aliases: 'A\n\n B ', doNotContact: true },
        'key-12345',
      ),
    ).toEqual({
      minor: false,
      givenName: 'Ana',
      aliases: ['A', 'B'],
      safeContact: { doNotContact: true, safeTimes: null, safeMethod: null },
      idempotencyKey: 'key-12345',
    });
  });

  it('an edit sends the changed fields only (a blanked one as null); re-applying keeps theirs elsewhere', () => {
    const base = { ...EMPTY_SURVIVOR, givenName: 'Ana', phone: '555 0100' };
    const mine = { ...base, givenName: '', email: 'ana@example.org' };
    expect(changesOf(base, mine)).toEqual({ givenName: null, email: 'ana@example.org' });
    const theirs = { ...base, phone: '555 0199', email: 'old@example.org' };
    expect(reapply(theirs, mine, base)).toEqual({ ...theirs, givenName: '', email: 'ana@example.org' });
  });

  it('a reference is normalised, and refused when it cannot be one', () => {
    expect(normaliseReference(' s-0a1b2c3d4e ')).toEqual({ reference: 'S-0A1B2C3D4E' });
    expect(normaliseReference('Ana')).toEqual({ error: 'survivors.referenceFormat' });
    expect(normaliseReference('')).toEqual({});
  });
});

describe('consent form: validation and what is sent', () => {
  const complete = {
    ...EMPTY_CONSENT,
    grantorType: 'SELF' as const,
    purposes: ['SERVICE' as const],
    recipientAgencyIds: [TO.id],
    dataClasses: ['CONTACT' as const],
    validUntil: '2026-05-29',
    obtainedHow: 'WRITTEN' as const,
    language: 'es',
    documentReference: 'DOC-7',
    acknowledgements: { rightToRevoke: true, notConditionOfService: true, redisclosureRisk: true },
  };

  /** The API's defaults (CONSENT_MAX_DAYS 90, backdating 30 days). */
  const LIMITS = { maxValidityDays: 90, maxBackdateDays: 30 };

  it('needs every element and the three acknowledgements', () => {
    expect(validateConsent(EMPTY_CONSENT, { now: NOW, minor: false, limits: LIMITS })).toEqual({
      grantorType: 'form.chooseOne',
      purposes: 'form.chooseAtLeastOne',
      recipientAgencyIds: 'form.chooseAtLeastOne',
      dataClasses: 'form.chooseAtLeastOne',
      validUntil: 'form.required',
      obtainedHow: 'form.chooseOne',
      language: 'form.languageCode',
      documentReference: 'form.required',
      'acknowledgements.rightToRevoke': 'consentForm.mustAcknowledge',
      'acknowledgements.notConditionOfService': 'consentForm.mustAcknowledge',
      'acknowledgements.redisclosureRisk': 'consentForm.mustAcknowledge',
    });
    expect(validateConsent(complete, { now: NOW, minor: false, limits: LIMITS })).toEqual({});
  });

  it('caps the validity, refuses SELF for a minor and asks a parent for relationship and attestation', () => {
    // 2026-03-01 12:00 + 90 days = 2026-05-30 12:00: the last whole day allowed is 29 May.
    expect(
      validateConsent({ ...complete, validUntil: '2026-05-30' }, { now: NOW, minor: false, limits: LIMITS }),
    ).toEqual({
      validUntil: 'consentForm.tooLongValid',
    });
    expect(
      validateConsent({ ...complete, validUntil: '2026-02-28' }, { now: NOW, minor: false, limits: LIMITS }),
    ).toEqual({
      validUntil: 'consentForm.untilAfterFrom',
    });
    expect(
      validateConsent(
        { ...complete, validFrom: '2026-01-01', validUntil: '2026-03-20' },
        { now: NOW, minor: false, limits: LIMITS },
      ),
    ).toEqual({
      validFrom: 'consentForm.backdated',
    });
    expect(validateConsent(complete, { now: NOW, minor: true, limits: LIMITS })).toEqual({
      grantorType: 'consentForm.minorGrantor',
    });
    expect(
      validateConsent({ ...complete, grantorType: 'PARENT' }, { now: NOW, minor: true, limits: LIMITS }),
    ).toEqual({
      relationship: 'form.required',
      notSuspected: 'consentForm.attestationRequired',
    });
  });

  it('holds the dates to the hub’s configured limits, not the defaults', () => {
    const hub = { maxValidityDays: 30, maxBackdateDays: 7 };
    // 2026-03-01 12:00 + 30 days = 2026-03-31 12:00: the last whole day allowed is 30 March.
    expect(
      validateConsent({ ...complete, validUntil: '2026-03-30' }, { now: NOW, minor: false, limits: hub }),
    ).toEqual({});
    expect(
      validateConsent({ ...complete, validUntil: '2026-03-31' }, { now: NOW, minor: false, limits: hub }),
    ).toEqual({
      validUntil: 'consentForm.tooLongValid',
    });
    // From a first day in the past the cap counts from that day: 2026-02-25 + 30 days ends on 26 March.
    const backdated = { ...complete, validFrom: '2026-02-25' };
    expect(
      validateConsent({ ...backdated, validUntil: '2026-03-26' }, { now: NOW, minor: false, limits: hub }),
    ).toEqual({});
    expect(
      validateConsent({ ...backdated, validUntil: '2026-03-27' }, { now: NOW, minor: false, limits: hub }),
    ).toEqual({
      validUntil: 'consentForm.tooLongValid',
    });
    expect(
      validateConsent(
        { ...complete, validFrom: '2026-02-21', validUntil: '2026-03-10' },
        { now: NOW, minor: false, limits: hub },
      ),
    ).toEqual({ validFrom: 'consentForm.backdated' });
  });

  it('names the last day allowed: the cap from the first day or from now, whichever is earlier', () => {
    expect(lastValidDay(NOW, '', LIMITS)).toBe('2026-05-29');
    expect(lastValidDay(NOW, '', { maxValidityDays: 30, maxBackdateDays: 30 })).toBe('2026-03-30');
    expect(lastValidDay(NOW, '2026-02-25', { maxValidityDays: 30, maxBackdateDays: 30 })).toBe('2026-03-26');
    // A first day still to come does not stretch the cap past now + cap; one not yet readable is now.
    expect(lastValidDay(NOW, '2026-03-10', { maxValidityDays: 30, maxBackdateDays: 30 })).toBe('2026-03-30');
    expect(lastValidDay(NOW, '2026-02', { maxValidityDays: 30, maxBackdateDays: 30 })).toBe('2026-03-30');
  });

  it('sends days as instants (the last day held through) and the interpreter only when used', () => {
    expect(
      recordConsentInput('s-1', { ...complete, validFrom: '2026-03-01', interpreterName: 'M. Ruiz' }),
    ).toEqual({
      survivorId: 's-1',
      grantor: { type: 'SELF', name: undefined, relationship: undefined, notSuspectedAttestation: undefined },
      recipientAgencyIds: [TO.id],
      purposes: ['SERVICE'],
      dataClasses: ['CONTACT'],
      validFrom: '2026-03-01T00:00:00.000Z',
      validUntil: '2026-05-30T00:00:00.000Z',
      obtainedHow: 'WRITTEN',
      language: 'es',
      interpreterUsed: false,
      interpreterName: undefined,
      acknowledgements: complete.acknowledgements,
      documentReference: 'DOC-7',
    });
  });

  it('revocation needs a channel; the reason is optional and bounded', () => {
    expect(validateRevocation({ channel: '', reason: '' })).toEqual({ channel: 'form.chooseOne' });
    expect(validateRevocation({ channel: 'PHONE', reason: 'x'.repeat(1001) })).toEqual({
      reason: 'form.tooLong',
    });
  });
});

describe('new referral with a survivor', () => {
  it('offers only consents in force that name the recipient for what it does', () => {
    const list = [
      { id: 'ok', status: 'ACTIVE', purposes: ['SERVICE' as const], recipientAgencyIds: [TO.id] },
      { id: 'revoked', status: 'REVOKED', purposes: ['SERVICE' as const], recipientAgencyIds: [TO.id] },
      { id: 'other', status: 'ACTIVE', purposes: ['SERVICE' as const], recipientAgencyIds: ['a-x'] },
      { id: 'police', status: 'ACTIVE', purposes: ['INVESTIGATION' as const], recipientAgencyIds: [TO.id] },
    ];
    expect(coveringConsents(list, { id: TO.id, type: 'NGO' }).map((c) => c.id)).toEqual(['ok']);
    expect(coveringConsents(list, { id: TO.id, type: 'LAW_ENFORCEMENT' }).map((c) => c.id)).toEqual([
      'police',
    ]);
    expect(coveringConsents(list, undefined)).toEqual([]);
  });

  it('needs the record, a consent and a shared class instead of a callback route', () => {
    const values = {
      toAgencyId: TO.id,
      needs: ['LEGAL' as const],
      urgency: 'ROUTINE' as const,
      language: '',
      ageBand: '' as const,
      callback: '',
      notes: '',
      withSurvivor: true,
    };
    expect(validateNewReferral(values)).toEqual({ survivorId: 'newReferral.chooseSurvivor' });
    expect(validateNewReferral({ ...values, survivorId: 's-1' })).toEqual({
      consentId: 'newReferral.chooseConsent',
    });
    expect(validateNewReferral({ ...values, survivorId: 's-1', consentId: 'c-1' })).toEqual({
      sharedClasses: 'form.chooseAtLeastOne',
    });
    expect(
      validateNewReferral({ ...values, survivorId: 's-1', consentId: 'c-1', sharedClasses: ['CONTACT'] }),
    ).toEqual({});
  });
});

/**
 * Fills in the consent form (in English) with everything it needs: the survivor grants SERVICE to
 * Safe Passage for CONTACT, for 30 days from today; `validFrom` as given (blank: now).
 * `checkRecipients`: also checks that only agencies reading for SERVICE are listed.
 */
async function fillConsentForm(
  user: ReturnType<typeof userEvent.setup>,
  options: { checkRecipients?: boolean; validFrom?: string } = {},
): Promise<void> {
  await user.click(
    within(screen.getByRole('group', { name: /Who gives consent/ })).getByLabelText('The survivor'),
  );
  await user.click(within(screen.getByRole('group', { name: /^Purposes/ })).getByLabelText(/Services/));
  const recipients = screen.getByRole('group', { name: /Agencies that may receive/ });
  if (options.checkRecipients) {
    expect(within(recipients).queryByLabelText(/Bay County Police/)).toBeNull();
    expect(within(recipients).queryByLabelText(/TA Center/)).toBeNull();
    expect(within(recipients).queryByLabelText(new RegExp(FROM.name))).toBeNull();
  }
  await user.click(within(recipients).getByLabelText(new RegExp(TO.name)));
  await user.click(
    within(screen.getByRole('group', { name: /Information that may be shared/ })).getByLabelText(/Contact/),
  );
  await user.type(
    screen.getByLabelText(/Valid until/),
    new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10),
  );
  if (options.validFrom) await user.type(screen.getByLabelText(/Valid from/), options.validFrom);
  await user.click(
    within(screen.getByRole('group', { name: /How consent was obtained/ })).getByLabelText(
      'Signed paper form',
    ),
  );
  await user.type(screen.getByLabelText(/Reference of the signed document/), 'DOC-7');
  await user.type(screen.getByLabelText(/Language the consent was explained/), 'es');
  for (const box of screen.getAllByLabelText('I read this to the survivor and they understood it.'))
    await user.click(box);
}

describe('survivor screens', () => {
  it('shows the record class by class, withheld fields as not shared, and the consent history', async () => {
    const redacted = (field: string) => ({ path: ['survivor', field], reason: 'NOT_PERMITTED' });
    renderAt('/survivors/s-1', [
      {
        request: { query: SURVIVOR_QUERY, variables: { id: 's-1' } },
        result: {
          data: { survivor: { ...RECORD, givenName: null } },
          extensions: { redactions: [redacted('givenName')] },
        },
      },
      consents([CONSENT]),
      AGENCIES,
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Survivor record' })).toBeVisible();
    expect(document.title).not.toContain(RECORD.reference);
    const field = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(field('Given name')).toHaveTextContent('Not shared with your agency');
    expect(field('Family name')).toHaveTextContent('Not recorded');
    expect(field('Safe contact')).toHaveTextContent(
      'Do not contact the survivor directly · Safe times: Mornings',
    );
    expect(field('Needs assessment')).toHaveTextContent('Legal help (high priority)');
    const history = screen.getByRole('region', { name: 'Consent history' });
    expect(await within(history).findByText(TO.name)).toBeVisible();
  });

  it('revokes a consent with a channel after saying it cannot be undone', async () => {
    const user = userEvent.setup();
    renderAt('/survivors/s-1', [
      {
        request: { query: SURVIVOR_QUERY, variables: { id: 's-1' } },
        result: { data: { survivor: RECORD } },
      },
      consents([CONSENT]),
      AGENCIES,
      {
        request: {
          query: REVOKE_CONSENT,
          variables: { input: { consentId: 'c-1', channel: 'PHONE', reason: 'Moved away' } },
        },
        result: {
          data: {
            revokeConsent: {
              __typename: 'ConsentPayload',
              consent: { __typename: 'Consent', id: 'c-1', status: 'REVOKED' },
            },
          },
        },
      },
      consents([
        {
          ...CONSENT,
          status: 'REVOKED',
          availableActions: [],
          revocation: {
            __typename: 'ConsentRevocation',
            channel: 'PHONE',
            reason: 'Moved away',
            revokedAt: '2026-03-01T12:00:00.000Z',
            revokedByAgencyId: FROM.id,
          },
        },
      ]),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Revoke this consent' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Revoke consent' })).toHaveFocus());
    // Cancel gives the focus back to the button that opened the form.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Revoke this consent' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Revoke consent' })).toHaveFocus());
    expect(screen.getByText(/cannot be undone/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Revoke consent' }));
    expect(await screen.findByText('Choose one.')).toBeVisible();
    await user.selectOptions(screen.getByLabelText(/How the survivor revoked/), 'PHONE');
    await user.type(screen.getByLabelText(/Reason/), 'Moved away');
    await user.click(screen.getByRole('button', { name: 'Revoke consent' }));
    const revoked = await screen.findByRole('heading', { name: /Consent revoked/ });
    // The result is announced and takes the focus (the form that had it is gone).
    await waitFor(() => expect(revoked.closest('[tabindex="-1"]')).toHaveFocus());
    expect(screen.getByText(/Revoked — recorded/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Revoke this consent' })).toBeNull();
  });

  it('an ended consent the API offers to revoke: the form says what its revocation still does (the “no” break-glass honours)', async () => {
    const user = userEvent.setup();
    renderAt('/survivors/s-1', [
      {
        request: { query: SURVIVOR_QUERY, variables: { id: 's-1' } },
        result: { data: { survivor: RECORD } },
      },
      consents([{ ...CONSENT, status: 'EXPIRED', validUntil: '2026-02-20T00:00:00.000Z' }]),
      AGENCIES,
    ]);
    await user.click(await screen.findByRole('button', { name: 'Revoke this consent' }));
    const form = await screen.findByRole('form', { name: 'Revoke consent' });
    expect(within(form).getByText(/has ended and grants nothing now/)).toBeVisible();
    expect(within(form).queryByText(/loses access to the survivor's information/)).toBeNull();
  });

  it('an edit that meets someone else’s change shows their version and saves mine on top of it', async () => {
    const user = userEvent.setup();
    const theirs = { ...RECORD, version: 5, phone: '+1 555 0199' };
    renderAt('/survivors/s-1/edit', [
      {
        request: { query: SURVIVOR_FOR_EDIT, variables: { id: 's-1' } },
        result: { data: { survivor: RECORD } },
      },
      {
        request: {
          query: UPDATE_SURVIVOR,
          variables: { input: { id: 's-1', expectedVersion: 4, familyName: 'Reyes' } },
        },
        result: { errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] as never },
      },
      {
        request: { query: SURVIVOR_FOR_EDIT, variables: { id: 's-1' } },
        result: { data: { survivor: theirs } },
      },
      {
        request: {
          query: UPDATE_SURVIVOR,
          variables: { input: { id: 's-1', expectedVersion: 5, familyName: 'Reyes' } },
        },
        result: {
          data: {
            updateSurvivor: {
              __typename: 'SurvivorPayload',
              survivor: { __typename: 'Survivor', id: 's-1', version: 6 },
            },
          },
        },
      },
      {
        request: { query: SURVIVOR_QUERY, variables: { id: 's-1' } },
        result: { data: { survivor: { ...theirs, familyName: 'Reyes' } } },
      },
      consents([]),
      AGENCIES,
    ]);
    await user.type(await screen.findByLabelText('Family name'), 'Reyes');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const warning = await screen.findByRole('heading', { name: /Someone else changed this record/ });
    await waitFor(() => expect(warning.closest('[tabindex="-1"]')).toHaveFocus());
    expect(screen.getByText('+1 555 0199')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Re-apply my changes to this version' }));
    expect(screen.getByLabelText('Family name')).toHaveValue('Reyes');
    expect(screen.getByLabelText('Phone')).toHaveValue('+1 555 0199');
    // The warning and its buttons are gone: the person reviews from the top of the form.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Edit survivor record' })).toHaveFocus(),
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const saved = await screen.findByRole('heading', { name: 'Survivor record saved' });
    expect(screen.getByTestId('location')).toHaveTextContent('/survivors/s-1');
    // Announced on the record once it has loaded, and focused then.
    await waitFor(() => expect(saved.closest('[tabindex="-1"]')).toHaveFocus());
  });

  it('an edit that meets someone else’s change can keep their version; the next save carries it', async () => {
    const user = userEvent.setup();
    const theirs = { ...RECORD, version: 5, familyName: 'Quispe', phone: '+1 555 0199' };
    let sent: Record<string, unknown> | undefined;
    renderAt('/survivors/s-1/edit', [
      {
        request: { query: SURVIVOR_FOR_EDIT, variables: { id: 's-1' } },
        result: { data: { survivor: RECORD } },
      },
      {
        request: {
          query: UPDATE_SURVIVOR,
          variables: { input: { id: 's-1', expectedVersion: 4, familyName: 'Reyes' } },
        },
        result: { errors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] as never },
      },
      {
        request: { query: SURVIVOR_FOR_EDIT, variables: { id: 's-1' } },
        result: { data: { survivor: theirs } },
      },
      {
        request: {
          query: UPDATE_SURVIVOR,
          variables: (variables: { input: Record<string, unknown> }) => {
            sent = variables.input;
            return true;
          },
        },
        result: {
          data: {
            updateSurvivor: {
              __typename: 'SurvivorPayload',
              survivor: { __typename: 'Survivor', id: 's-1', version: 6 },
            },
          },
        },
      },
      {
        request: { query: SURVIVOR_QUERY, variables: { id: 's-1' } },
        result: { data: { survivor: { ...theirs, version: 6, gender: 'f' } } },
      },
      consents([]),
      AGENCIES,
    ]);
    await user.type(await screen.findByLabelText('Family name'), 'Reyes');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const warning = await screen.findByRole('heading', { name: /Someone else changed this record/ });
    await waitFor(() => expect(warning.closest('[tabindex="-1"]')).toHaveFocus());
    // Their version, read-only, while the form is closed.
    const review = within(screen.getByRole('region', { name: 'The record as saved by someone else' }));
    expect(review.getByText('Quispe')).toBeVisible();
    expect(review.getByText('+1 555 0199')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Keep their version' }));
    // Mine is dropped: the form holds theirs, and the focus is back at the top of the form.
    expect(screen.getByLabelText('Family name')).toHaveValue('Quispe');
    expect(screen.getByLabelText('Phone')).toHaveValue('+1 555 0199');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Edit survivor record' })).toHaveFocus(),
    );
    expect(screen.queryByRole('heading', { name: /Someone else changed this record/ })).toBeNull();

    await user.type(screen.getByLabelText('Gender'), 'f');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Survivor record saved' })).toBeVisible();
    // Their version is the one the save was made on, and only my new change went with it.
    expect(sent).toEqual({ id: 's-1', expectedVersion: 5, gender: 'f' });
  });

  it('a partner reading the record through a grant is offered neither edit nor consent; revocation only where a consent offers it', async () => {
    renderAt('/survivors/s-1', [
      {
        request: { query: SURVIVOR_QUERY, variables: { id: 's-1' } },
        result: { data: { survivor: PARTNERS_VIEW } },
      },
      consents([CONSENT, { ...CONSENT, id: 'c-2', availableActions: [] }]),
      AGENCIES,
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Survivor record' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Edit record' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Record consent' })).toBeNull();
    const history = screen.getByRole('region', { name: 'Consent history' });
    await within(history).findAllByText(TO.name);
    // One button: the consent that offers REVOKE, not the one that does not.
    expect(within(history).getAllByRole('button', { name: 'Revoke this consent' })).toHaveLength(1);
    expect(document.getElementById('revoke-c-1')).not.toBeNull();
    expect(document.getElementById('revoke-c-2')).toBeNull();
  });

  it('the owner’s staff are offered edit and consent, each leading to its form', async () => {
    renderAt('/survivors/s-1', [
      {
        request: { query: SURVIVOR_QUERY, variables: { id: 's-1' } },
        result: { data: { survivor: RECORD } },
      },
      consents([]),
      AGENCIES,
    ]);
    expect(await screen.findByRole('link', { name: 'Edit record' })).toHaveAttribute(
      'href',
      '/survivors/s-1/edit',
    );
    expect(screen.getByRole('link', { name: 'Record consent' })).toHaveAttribute(
      'href',
      '/survivors/s-1/consents/new',
    );
  });

  it('the edit and consent forms, reached by their address on a record that does not offer them, say so instead of a form', async () => {
    renderAt('/survivors/s-1/edit', [
      {
        request: { query: SURVIVOR_FOR_EDIT, variables: { id: 's-1' } },
        result: { data: { survivor: PARTNERS_VIEW } },
      },
    ]);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Only the agency that owns this record can change it.',
      }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the survivor record' })).toHaveAttribute(
      'href',
      '/survivors/s-1',
    );
    cleanup();

    renderAt('/survivors/s-1/consents/new', [consentSurvivor([]), AGENCIES, rulesMock()]);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Only the agency that owns this record can record a consent for it.',
      }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Record consent' })).toBeNull();
  });

  describe('the consent form holds “Valid until” to the hub’s configured cap', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(NOW);
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('names the cap and the last day allowed, and refuses a later day at the field, in English', async () => {
      const user = userEvent.setup();
      renderAt('/survivors/s-1/consents/new', [
        consentSurvivor(['RECORD_CONSENT']),
        AGENCIES,
        rulesMock(30, 7),
      ]);
      const until = await screen.findByLabelText(/Valid until/);
      // 2026-03-01 12:00 + 30 days ends 2026-03-31 12:00: the last whole day is 30 March.
      expect(until).toHaveAccessibleDescription(
        'Year-month-day. At most 30 days from the first day and from today: the last day possible is 2026-03-30.',
      );
      expect(screen.getByLabelText(/Valid from/)).toHaveAccessibleDescription(
        'Year-month-day; leave blank for now. At most 7 days in the past (a paper consent entered later).',
      );
      await user.type(until, '2026-03-31');
      await user.type(screen.getByLabelText(/Valid from/), '2026-02-20');
      await user.click(screen.getByRole('button', { name: 'Record consent' }));
      expect(
        await screen.findByText('A consent may start at most 7 days in the past.', { exact: false }),
      ).toBeVisible();
      expect(until).toHaveAttribute('aria-invalid', 'true');
      // The cap counts from the first day when it is earlier than today (here 20 February).
      expect(until).toHaveAccessibleDescription(
        expect.stringContaining(
          'A consent may last at most 30 days: choose 2026-03-21 or an earlier last day.',
        ),
      );

      await user.clear(screen.getByLabelText(/Valid from/));
      await user.clear(until);
      await user.type(until, '2026-03-30');
      await user.click(screen.getByRole('button', { name: 'Record consent' }));
      await waitFor(() => expect(until).not.toHaveAttribute('aria-invalid'));
    });

    it('says the same in Spanish', async () => {
      await i18n.changeLanguage('es');
      try {
        const user = userEvent.setup();
        renderAt('/survivors/s-1/consents/new', [
          consentSurvivor(['RECORD_CONSENT']),
          AGENCIES,
          rulesMock(30, 7),
        ]);
        const until = await screen.findByLabelText(/Válido hasta/);
        expect(until).toHaveAccessibleDescription(
          'Año-mes-día. Como máximo 30 días desde el primer día y desde hoy: el último día posible es 2026-03-30.',
        );
        await user.type(until, '2026-04-15');
        await user.click(screen.getByRole('button', { name: 'Registrar consentimiento' }));
        expect(
          await screen.findByText(
            'Un consentimiento puede durar como máximo 30 días: elija 2026-03-30 o un último día anterior.',
            { exact: false },
          ),
        ).toBeVisible();
      } finally {
        await i18n.changeLanguage('en');
      }
    });
  });

  describe('the API’s refusal of the first day names the hub’s backdating limit, not a fixed one', () => {
    // The API's clock can be ahead of the browser's: a first day the form let through is refused.
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(NOW);
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    const refusesValidFrom = {
      request: { query: RECORD_CONSENT, variables: () => true },
      result: {
        errors: [
          {
            message: 'Invalid input',
            extensions: {
              code: 'BAD_USER_INPUT',
              problems: [{ field: 'validFrom', message: 'may be at most 14 days in the past' }],
            },
          },
        ] as never,
      },
    };

    it.each([
      ['en', 'Check the first day: at most 14 days in the past.'],
      ['es', 'Revise el primer día: como máximo 14 días en el pasado.'],
    ])('in %s', async (language, expected) => {
      const user = userEvent.setup();
      renderAt('/survivors/s-1/consents/new', [
        consentSurvivor(['RECORD_CONSENT']),
        AGENCIES,
        rulesMock(90, 14),
        refusesValidFrom,
      ]);
      expect(await screen.findByRole('heading', { level: 1, name: 'Record consent' })).toBeVisible();
      await fillConsentForm(user, { validFrom: '2026-02-20' });
      // The form's labels are read in English; the refusal is shown in the reader's language.
      await i18n.changeLanguage(language);
      try {
        await user.click(
          screen.getByRole('button', {
            name: language === 'en' ? 'Record consent' : 'Registrar consentimiento',
          }),
        );
        expect(await screen.findByText(expected)).toBeVisible();
      } finally {
        await i18n.changeLanguage('en');
      }
    });
  });

  it('the consent form lists only agencies that can read for the purpose, then records it', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | undefined;
    renderAt('/survivors/s-1/consents/new', [
      consentSurvivor(['RECORD_CONSENT']),
      AGENCIES,
      rulesMock(),
      {
        request: {
          query: RECORD_CONSENT,
          variables: (variables: { input: Record<string, unknown> }) => {
            sent = variables.input;
            return true;
          },
        },
        result: {
          errors: [
            {
              message: 'no',
              extensions: {
                code: 'BAD_USER_INPUT',
                problems: [{ field: 'recipientAgencyIds', message: 'x', reason: 'RECIPIENT_CANNOT_READ' }],
              },
            },
          ] as never,
        },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Record consent' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Record consent' }));
    await expectProblemsFocused(user, '11 fields need your attention.', [
      'Who gives consent',
      'Purposes',
      'Information that may be shared',
      'Valid until (last day)',
      'How consent was obtained',
      'Reference of the signed document',
      'Language the consent was explained and signed in',
      'Your right to take back consent',
      'Services do not depend on consent',
      'Risk that information is shared further',
    ]);
    for (const ack of ['rightToRevoke', 'notConditionOfService', 'redisclosureRisk']) {
      // Each statement is written out in full, to be read aloud.
      expect(
        screen.getByRole('group', {
          name: new RegExp(
            ack === 'rightToRevoke'
              ? 'take back consent'
              : ack === 'notConditionOfService'
                ? 'do not depend'
                : 'shared further',
          ),
        }),
      ).toHaveTextContent(/“|"/);
    }
    await fillConsentForm(user, { checkRecipients: true });
    await user.click(screen.getByRole('button', { name: 'Record consent' }));
    // The API's refusal, in the reader's language, naming the problem, focused.
    await expectProblemsFocused(user, 'Some of what you entered was not accepted. Check it and try again.');
    expect(screen.getByText(/cannot read survivor records for these purposes/)).toBeVisible();
    expect(sent).toMatchObject({
      survivorId: 's-1',
      recipientAgencyIds: [TO.id],
      purposes: ['SERVICE'],
      dataClasses: ['CONTACT'],
    });
  });
});

describe('survivor create form on the screen', () => {
  it('says what to fix in a summary that takes the focus, shows a refusal, then creates once', async () => {
    const user = userEvent.setup();
    let creates = 0;
    renderAt('/survivors/new', [
      {
        request: { query: CREATE_SURVIVOR, variables: () => true },
        result: { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] as never },
      },
      {
        request: {
          query: CREATE_SURVIVOR,
          variables: (variables: { input: Record<string, unknown> }) => {
            creates += 1;
            return variables.input['phone'] === '+1 555 0100';
          },
        },
        result: {
          data: {
            createSurvivor: {
              __typename: 'SurvivorPayload',
              survivor: { __typename: 'Survivor', id: 's-9' },
            },
          },
        },
        maxUsageCount: 2,
      },
    ]);
    const phone = await screen.findByLabelText('Phone');
    await user.type(phone, 'call me');
    await user.click(screen.getByRole('button', { name: 'Create record' }));
    await expectProblemsFocused(user, '1 field needs your attention.', ['Phone']);
    expect(phone).toHaveAccessibleDescription(expect.stringContaining('Enter a phone number'));

    await user.clear(phone);
    await user.type(phone, '+1 555 0100');
    await user.click(screen.getByRole('button', { name: 'Create record' }));
    await expectProblemsFocused(user, 'You are not permitted to do this.');
    expect(screen.getByTestId('location')).toHaveTextContent('/survivors/new');

    await user.dblClick(screen.getByRole('button', { name: 'Create record' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/survivors/s-9'));
    expect(creates).toBe(1);
  });
});
