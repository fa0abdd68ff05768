import type { Page } from 'playwright-core';
import { catalogsFetched, expectAccessible, field, people, screenshot, tick } from '../support/browser';
import { expectTranslated, translator } from '../support/i18n';
import { createSurvivorWithConsent, sendReferralWithSurvivor } from '../support/set-up';
import { gql, type WebHub } from '../support/web-hub';

const t = translator('es');

/** Each Spanish screen: in Spanish with nothing missing, accessible, and saved as a screenshot. */
async function spanishScreen(page: Page, name: string): Promise<void> {
  await expectTranslated(page, name, 'es');
  await expectAccessible(page, `${name} (es)`);
  await screenshot(page, `es-${name}`);
}

/**
 * The app's sign-in button, then dev-idp's login page, which follows the browser's language;
 * `checked`: both pages are checked on the way (the login page is dev-idp's, not the app's catalog).
 */
async function signInInSpanish(page: Page, webUrl: string, username: string, checked = false): Promise<void> {
  await page.goto(`${webUrl}/`);
  await page.getByRole('button', { name: t('signIn.button') }).waitFor();
  if (checked) await spanishScreen(page, 'sign-in');
  await page.getByRole('button', { name: t('signIn.button') }).click();
  await page.getByLabel('Usuario o correo electrónico').waitFor();
  if (checked) {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectAccessible(page, 'login page (es)');
    await screenshot(page, 'es-login');
  }
  await page.getByLabel('Usuario o correo electrónico').fill(username);
  await page.getByLabel('Contraseña').fill('demo');
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('heading', { level: 1, name: t('home.title') }).waitFor();
}

async function navigateInSpanish(page: Page, link: string): Promise<void> {
  await page
    .getByRole('navigation', { name: t('nav.label') })
    .getByRole('link', { name: t(link), exact: true })
    .click();
}

/**
 * The core flows of issue 15 in a browser whose language is Spanish (es-ES): the app starts in
 * Spanish from the browser's language and dev-idp's login page from `ui_locales`. Every screen is
 * checked for `<html lang="es">`, no i18next key or English text where the catalogs differ (each
 * area's catalog included), axe, and a screenshot; dates are in Spanish.
 */
export function spanishFlow(hub: () => WebHub): void {
  it('in Spanish, survivors and consent: Harbor Light signs in, creates a survivor record, finds it in the list, records a consent (after its refusals) and opens the revocation form', async () => {
    const { webUrl } = hub();
    const one = await people(hub().browser, 1, 'es-ES');
    const [sender] = one.pages;

    // The app's sign-in screen and dev-idp's login page, both in Spanish; only Spanish's strings
    // come down.
    const catalogs = catalogsFetched(sender);
    await signInInSpanish(sender, webUrl, 'ngo.caseworker', true);
    expect(catalogs).toEqual(['es']);
    await sender.locator('.hub-count').first().waitFor();
    await spanishScreen(sender, 'home');

    // Survivors: the form, the record, then the list with the record in it.
    await navigateInSpanish(sender, 'nav.survivors');
    await sender.getByRole('heading', { level: 1, name: t('survivors.title') }).waitFor();
    await sender.getByRole('link', { name: t('survivors.create') }).click();
    await sender.getByRole('heading', { level: 1, name: t('survivorForm.createTitle') }).waitFor();
    await sender.getByLabel(t('survivor.givenName'), { exact: true }).fill('Lucía');
    await sender.getByLabel(t('survivor.phone'), { exact: true }).fill('+34 600 000 142');
    await sender.getByLabel(new RegExp(`^${t('survivor.preferredLanguage')}`)).fill('es');
    await spanishScreen(sender, 'survivor-form');
    await sender.getByRole('button', { name: t('survivorForm.create') }).click();
    await sender.getByRole('heading', { name: t('survivor.done.CREATED') }).waitFor();
    const reference = (await field(sender, t('survivor.reference')).textContent()) ?? '';
    expect(reference).toMatch(/^S-[0-9A-Z]{10}$/);
    await spanishScreen(sender, 'survivor');
    await navigateInSpanish(sender, 'nav.survivors');
    await sender
      .getByRole('table', { name: t('survivors.caption') })
      .getByRole('link', { name: reference })
      .waitFor();
    await spanishScreen(sender, 'survivors');
    await sender.getByRole('link', { name: reference }).click();

    // The consent form, its refusals first, then complete.
    await sender.getByRole('link', { name: t('survivor.recordConsent') }).click();
    await sender.getByRole('heading', { level: 1, name: t('consentForm.title') }).waitFor();
    await sender.getByRole('button', { name: t('consentForm.record') }).click();
    await sender.getByRole('heading', { name: t('form.fixErrors_other', { count: 11 }) }).waitFor();
    await expectTranslated(sender, 'consent form with its refusals', 'es');
    await tick(sender, new RegExp(`^${t('consentForm.grantorType')}`), t('grantorType.SELF'));
    await tick(sender, new RegExp(`^${t('consentForm.purposes')}`), t('purpose.SERVICE'));
    await tick(sender, new RegExp(`^${t('consentForm.recipients')}`), 'Safe Passage Legal Aid');
    await tick(sender, new RegExp(`^${t('consentForm.dataClasses')}`), t('dataClass.CONTACT'));
    await tick(sender, new RegExp(`^${t('consentForm.dataClasses')}`), t('dataClass.NEEDS'));
    const lastDay = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await sender
      .getByLabel(new RegExp(`^${t('consentForm.validUntil').replace(/[()]/g, '\\$&')}`))
      .fill(lastDay);
    await tick(sender, new RegExp(`^${t('consentForm.obtainedHow')}`), t('obtainedHow.WRITTEN'));
    await sender.getByLabel(new RegExp(`^${t('consentForm.documentReference')}`)).fill('DMS-ES-1');
    await sender.getByLabel(new RegExp(`^${t('consentForm.language')}`)).fill('es');
    for (const ack of ['rightToRevoke', 'notConditionOfService', 'redisclosureRisk'])
      await tick(sender, new RegExp(`^${t(`consentForm.ack.${ack}.title`)}`), t('consentForm.ackConfirm'));
    await spanishScreen(sender, 'consent-form');
    await sender.getByRole('button', { name: t('consentForm.record') }).click();
    await sender.getByRole('heading', { name: t('survivor.done.CONSENT_RECORDED') }).waitFor();
    await sender.getByRole('button', { name: t('consents.revoke') }).waitFor();
    await spanishScreen(sender, 'survivor-with-consent');
    // The revocation form (not sent: the referral below needs the consent).
    await sender.getByRole('button', { name: t('consents.revoke') }).click();
    await sender.getByRole('heading', { name: t('consents.revokeHeading') }).waitFor();
    await expectTranslated(sender, 'revocation form', 'es');
    await sender.getByRole('button', { name: t('form.cancel') }).click();
    expect(one.problems).toEqual([]);
    await one.close();
  });

  it('in Spanish, a referral with a survivor: Harbor Light finds the agency in the directory, the record by its reference and the consent that covers the agency, and sends it', async () => {
    const { webUrl, api, idp } = hub();
    const { reference } = await createSurvivorWithConsent(api, await idp.tokenFor('ngo.caseworker'));
    const one = await people(hub().browser, 1, 'es-ES');
    const [sender] = one.pages;

    await signInInSpanish(sender, webUrl, 'ngo.caseworker');
    await navigateInSpanish(sender, 'nav.newReferral');
    await sender.getByRole('heading', { level: 1, name: t('newReferral.title') }).waitFor();
    await sender.getByLabel(t('newReferral.searchNeed')).selectOption('LEGAL');
    await sender.getByRole('button', { name: t('newReferral.find') }).click();
    await tick(sender, new RegExp(`^${t('newReferral.recipient')}`), 'Safe Passage Legal Aid');
    await sender
      .getByRole('group', { name: new RegExp(`^${t('newReferral.needs')}`) })
      .getByText(t('need.LEGAL'), { exact: true })
      .click();
    await tick(sender, new RegExp(`^${t('newReferral.urgency')}`), t('urgency.URGENT'));
    await tick(sender, new RegExp(`^${t('newReferral.who')}`), t('newReferral.withSurvivorChoice'));
    await sender.getByLabel(new RegExp(`^${t('survivors.findByReference')}`)).fill(reference);
    await sender.getByRole('button', { name: t('survivors.find'), exact: true }).click();
    await sender.getByRole('status').getByText(reference, { exact: false }).waitFor();
    await tick(
      sender,
      new RegExp(`^${t('newReferral.consent')}`),
      t('newReferral.consentUntil', { until: '' }).trim(),
    );
    await tick(sender, new RegExp(`^${t('newReferral.sharedClasses')}`), t('dataClass.CONTACT'));
    await tick(sender, new RegExp(`^${t('newReferral.sharedClasses')}`), t('dataClass.NEEDS'));
    await spanishScreen(sender, 'new-referral');
    await sender.getByRole('button', { name: t('newReferral.createAndSend') }).click();
    await sender.getByRole('heading', { name: t('actions.done.SEND') }).waitFor();
    expect(new URL(sender.url()).pathname).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
    await spanishScreen(sender, 'referral-sender');
    expect(one.problems).toEqual([]);
    await one.close();
  });

  it('in Spanish, the recipient: Safe Passage finds a referral in its inbox, reads what is shared and what is not, is refused an empty decline and acknowledges it; dates in Spanish', async () => {
    const { webUrl, api, idp } = hub();
    const token = await idp.tokenFor('ngo.caseworker');
    const referralPath = `/referrals/${await sendReferralWithSurvivor(api, token)}`;
    const one = await people(hub().browser, 1, 'es-ES');
    const [recipient] = one.pages;

    await signInInSpanish(recipient, webUrl, 'legal.caseworker');
    await navigateInSpanish(recipient, 'nav.referrals');
    const table = recipient.getByRole('table', { name: t('inbox.caption', { box: t('box.RECEIVED') }) });
    await table.locator(`a[href="${referralPath}"]`).waitFor();
    await spanishScreen(recipient, 'inbox');
    await table.locator(`a[href="${referralPath}"]`).click();
    await recipient.getByRole('heading', { level: 2, name: t('timeline.heading') }).waitFor();
    await expect(field(recipient, t('survivor.givenName')).textContent()).resolves.toBe(
      t('survivor.notShared'),
    );
    await expect(field(recipient, t('survivor.phone')).textContent()).resolves.toBe('+1 555 0100');
    await expect(field(recipient, t('survivor.interpreterNeeded')).textContent()).resolves.toBe(
      t('common.yes'),
    );
    await spanishScreen(recipient, 'referral-recipient');

    // The creation date as Spanish readers write it (the app's medium date and short time).
    const { referral } = await gql<{ referral: { createdAt: string } }>(
      api,
      token,
      'query($id: ID!) { referral(id: $id) { createdAt } }',
      { id: referralPath.split('/').at(-1) },
    );
    const formats = await recipient.evaluate(
      (iso) =>
        ['es', 'en'].map((language) =>
          new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
            new Date(iso),
          ),
        ),
      referral.createdAt,
    );
    expect(formats[0]).not.toBe(formats[1]);
    await expect(field(recipient, t('referral.created')).textContent()).resolves.toBe(formats[0]);

    const actions = recipient.getByRole('region', { name: t('actions.heading') });
    await actions.getByRole('button', { name: t('actions.button.DECLINE'), exact: true }).click();
    await recipient.getByRole('button', { name: t('actions.confirm.DECLINE') }).click();
    await recipient.getByText(t('form.chooseOne')).first().waitFor();
    await expectTranslated(recipient, 'decline form with its refusals', 'es');
    await recipient.getByRole('button', { name: t('form.cancel') }).click();
    await actions.getByRole('button', { name: t('actions.button.ACKNOWLEDGE'), exact: true }).click();
    await recipient.getByRole('button', { name: t('actions.confirm.ACKNOWLEDGE') }).click();
    await recipient.getByRole('heading', { name: t('actions.done.ACKNOWLEDGE') }).waitFor();
    await spanishScreen(recipient, 'referral-acknowledged');
    expect(one.problems).toEqual([]);
    await one.close();
  });

  it('in Spanish, the screens of running a task force: the coordinator reads protocols (a draft, the editor and its refusals), technical assistance (a request), the members, notifications and the audit trail; a supervisor the break-glass uses and the request form with its refusals', async () => {
    const { webUrl } = hub();
    const two = await people(hub().browser, 2, 'es-ES');
    const [coordinator, supervisor] = two.pages;
    // Each screen once its data has arrived (no request for half a second): read, not loading.
    // `title`: the catalog key of the screen's heading, or `{ text }` where it is the record's own.
    const visit = async (page: Page, path: string, title: string | { text: string }, name: string) => {
      await page.goto(`${webUrl}${path}`);
      const heading = typeof title === 'string' ? t(title) : title.text;
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      await spanishScreen(page, name);
    };

    // A form sent empty: its problems, and every field's, in Spanish too.
    const refusedForm = async (page: Page, submit: string, name: string) => {
      await page.getByRole('button', { name: t(submit) }).click();
      await page.getByText(t('form.required')).first().waitFor();
      await expectTranslated(page, name, 'es');
    };
    // A protocol and a technical-assistance request to read (their screens make them in the English
    // flows; here the API does, as the coordinator and the lead).
    const { api, idp } = hub();
    const [coordinatorToken, leadToken] = await Promise.all(
      ['tf.coordinator', 'ngo.lead'].map((user) => idp.tokenFor(user)),
    );
    const { me } = await gql<{ me: { taskForces: { taskForce: { id: string } }[] } }>(
      api,
      coordinatorToken,
      'query { me { taskForces { taskForce { id } } } }',
      {},
    );
    const { createProtocol } = await gql<{ createProtocol: { protocol: { id: string } } }>(
      api,
      coordinatorToken,
      'mutation($input: CreateProtocolInput!) { createProtocol(input: $input) { protocol { id } } }',
      {
        input: {
          taskForceId: me.taskForces[0].taskForce.id,
          title: 'Protocolo de derivación',
          category: 'REFERRAL',
          audience: ['NGO'],
          body: '# Derivaciones\n\nCada derivación lleva el consentimiento de la persona.',
        },
      },
    );
    const practice = 'Las derivaciones se hacen por teléfono y sin registro común.';
    const { requestTechnicalAssistance } = await gql<{
      requestTechnicalAssistance: { request: { id: string } };
    }>(
      api,
      leadToken,
      'mutation($input: RequestTechnicalAssistanceInput!) { requestTechnicalAssistance(input: $input) { request { id } } }',
      {
        input: {
          type: 'TRAINING',
          topic: 'INTERAGENCY_COLLABORATION',
          urgency: 'ROUTINE',
          modality: 'VIRTUAL',
          audiences: ['COMMUNITY'],
          expectedAttendees: 12,
          problemStatement: practice,
          currentPractice: practice,
          desiredOutcome: practice,
          whyItMatters: practice,
        },
      },
    );

    await signInInSpanish(coordinator, webUrl, 'tf.coordinator');
    await visit(coordinator, '/protocols', 'protocols.title', 'protocols');
    await visit(
      coordinator,
      `/protocols/${createProtocol.protocol.id}`,
      { text: 'Protocolo de derivación' },
      'protocol-draft',
    );
    await visit(coordinator, '/protocols/new', 'protocolForm.createTitle', 'protocol-form');
    await refusedForm(coordinator, 'protocolForm.create', 'protocol form with its refusals');
    await visit(coordinator, '/technical-assistance', 'ta.list.title', 'technical-assistance');
    await visit(
      coordinator,
      `/technical-assistance/${requestTechnicalAssistance.request.id}`,
      'ta.request.title',
      'technical-assistance-request',
    );
    await visit(coordinator, '/task-force', 'taskForce.title', 'task-force');
    await visit(coordinator, '/notifications', 'notifications.title', 'notifications');
    await visit(coordinator, '/audit', 'audit.title', 'audit');
    await signInInSpanish(supervisor, webUrl, 'ngo.lead');
    await visit(supervisor, '/break-glass', 'safety.sessions.title', 'break-glass-uses');
    await visit(supervisor, '/technical-assistance/new', 'ta.form.title', 'technical-assistance-form');
    await refusedForm(supervisor, 'ta.form.submit', 'technical-assistance form with its refusals');
    expect(two.problems).toEqual([]);
    await two.close();
  });
}
