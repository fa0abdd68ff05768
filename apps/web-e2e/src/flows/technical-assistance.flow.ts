import type { Page } from 'playwright-core';
import { act, expectAccessible, field, navigate, people, screenshot, signIn, tick } from '../support/browser';
import type { WebHub } from '../support/web-hub';

/** A UTC day `days` from now (YYYY-MM-DD): the API judges request and session dates by UTC days. */
const utcDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The actions the request screen offers the person now. */
const offered = (page: Page) =>
  page.getByRole('region', { name: 'What you can do' }).getByRole('button').allTextContents();

/** Opens an action's form on the request screen. */
const open = (page: Page, button: string) =>
  page.getByRole('region', { name: 'What you can do' }).getByRole('button', { name: button }).click();

/** Every status the request goes through here, in order. */
const WALKED = ['Submitted', 'Triaged', 'Assigned', 'In progress', 'Delivered', 'Closed'];

/** The statuses on the request's timeline, oldest first. */
const timeline = (page: Page) =>
  page.getByRole('region', { name: 'Timeline' }).getByRole('heading', { level: 3 }).allTextContents();

/**
 * A technical-assistance request walked to closed with a rating, each party in their own browser:
 * Harbor Light's lead asks; the task force's coordinator triages and assigns it to the Regional
 * Training & TA Center; its provider starts, records a training and delivers; the lead closes it
 * with a rating; each party sees the state. axe and a screenshot on every screen and on the
 * assign, session and close forms (the triage and delivery forms are built of the same frame and
 * fields).
 */
export function technicalAssistanceFlow(hub: () => WebHub): void {
  it('walks a TA request to closed with a rating: ngo.lead asks, tf.coordinator triages and assigns, ta.provider starts, records a session and delivers, ngo.lead closes; each party sees the state', async () => {
    const { webUrl } = hub();
    const three = await people(hub().browser, 3);
    const [lead, coordinator, provider] = three.pages;

    // The lead asks, through the request form.
    await signIn(lead, webUrl, 'ngo.lead');
    await navigate(lead, 'Request assistance');
    await lead.getByRole('heading', { level: 1, name: 'Request technical assistance' }).waitFor();
    await lead.getByLabel(/^Topic/).selectOption('TRAUMA_INFORMED_SERVICES');
    await tick(lead, /^Kind of help/, 'Training');
    await lead.getByLabel(/^Problem to solve/).fill('Intake staff re-ask survivors the same questions.');
    await lead.getByLabel(/^Why it matters/).fill('Repeated interviews re-traumatise survivors.');
    await lead.getByLabel(/^Current practice/).fill('Each agency runs its own intake form.');
    await lead.getByLabel(/^Desired outcome/).fill('A shared trauma-informed intake practice.');
    await tick(lead, /^Audiences/, 'Service providers');
    await tick(lead, /^Audiences/, 'Law enforcement');
    await lead.getByLabel(/^Expected attendees/).fill('40');
    await tick(lead, /^Modality/, 'Hybrid');
    await tick(lead, /^Urgency/, 'Time-sensitive');
    await lead.getByLabel(/^Earliest preferred date/).fill(utcDay(14));
    await lead.getByLabel(/^Latest preferred date/).fill(utcDay(45));
    await expectAccessible(lead, 'TA request form');
    await screenshot(lead, 'ta-request-form');
    await lead.getByRole('button', { name: 'Send request' }).click();
    await lead.getByRole('heading', { name: 'Request sent to the task force' }).waitFor();
    const path = new URL(lead.url()).pathname;
    expect(path).toMatch(/^\/technical-assistance\/[0-9a-f-]{36}$/);
    await expect(field(lead, 'Status').textContent()).resolves.toBe('Submitted');
    await expect(offered(lead)).resolves.toEqual(['Withdraw']);
    await expectAccessible(lead, 'TA request (requester, submitted)');
    await screenshot(lead, 'ta-request-submitted');

    // The coordinator finds it in the task force queue, triages it and assigns the provider.
    await signIn(coordinator, webUrl, 'tf.coordinator');
    await navigate(coordinator, 'Technical assistance');
    const queue = coordinator.getByRole('table', { name: 'Technical-assistance requests: Task force queue' });
    await queue.waitFor();
    await expectAccessible(coordinator, 'TA task force queue');
    await screenshot(coordinator, 'ta-triage-queue');
    await queue.locator(`a[href="${path}"]`).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Technical-assistance request' }).waitFor();
    await expect(offered(coordinator)).resolves.toEqual(['Triage', 'Decline']);
    await open(coordinator, 'Triage');
    await tick(coordinator, /^Priority/, 'High');
    await coordinator.getByLabel(/^Note for the timeline/).fill('Fits the Q3 training plan');
    await coordinator.getByRole('button', { name: 'Triage request' }).click();
    await coordinator.getByRole('heading', { name: 'Request triaged' }).waitFor();

    await open(coordinator, 'Assign a provider');
    await tick(coordinator, /^Provider/, 'Regional Training & TA Center');
    await coordinator.getByLabel(/^Who will lead the work/).fill('Priya Raman');
    await expectAccessible(coordinator, 'TA assign form');
    await screenshot(coordinator, 'ta-assign-form');
    await coordinator.getByRole('button', { name: 'Assign request' }).click();
    await coordinator.getByRole('heading', { name: 'Request assigned' }).waitFor();
    await expect(field(coordinator, 'Provider').textContent()).resolves.toBe(
      'Regional Training & TA Center (led by Priya Raman)',
    );
    // Assigned: nothing more for the coordinator to do but write in the thread.
    expect(await coordinator.getByRole('region', { name: 'What you can do' }).count()).toBe(0);

    // The provider: in the assigned list; starts, records a training, delivers.
    await signIn(provider, webUrl, 'ta.provider');
    await navigate(provider, 'Technical assistance');
    const assigned = provider.getByRole('table', {
      name: 'Technical-assistance requests: Assigned to my agency',
    });
    await assigned.waitFor();
    await expectAccessible(provider, 'TA assigned list');
    await screenshot(provider, 'ta-assigned-list');
    await assigned.locator(`a[href="${path}"]`).click();
    await provider.getByRole('heading', { level: 1, name: 'Technical-assistance request' }).waitFor();
    await act(provider, 'Start work', 'Confirm: start work', 'Work started');
    // Nothing to deliver before a session is recorded.
    await expect(offered(provider)).resolves.toEqual(['Record a session']);

    await open(provider, 'Record a session');
    await provider.getByLabel(/^Held on/).fill(utcDay(0));
    await tick(provider, /^Modality/, 'On site');
    await provider.getByLabel(/^Hours/).fill('3.5');
    await tick(provider, /^Kind of session/, 'Training');
    const attendance = provider.getByRole('group', { name: /^Attendance by audience/ });
    await attendance.getByLabel('Service providers').fill('22');
    await attendance.getByLabel('Law enforcement').fill('18');
    await provider.getByLabel(/^Materials/).fill('Trauma-informed intake: slide deck v2');
    await expectAccessible(provider, 'TA session form');
    await screenshot(provider, 'ta-session-form');
    await provider.getByRole('button', { name: 'Record session' }).click();
    await provider.getByRole('heading', { name: 'Session recorded' }).waitFor();
    const sessions = provider.getByRole('table', { name: 'Sessions delivered' });
    await sessions.getByText('40 attendees').waitFor();
    await expect(offered(provider)).resolves.toEqual(['Record a session', 'Deliver']);

    await open(provider, 'Deliver');
    await provider.getByLabel(/^What was delivered/).fill('One on-site training for intake staff.');
    await provider.getByRole('button', { name: 'Mark as delivered' }).click();
    await provider.getByRole('heading', { name: 'Assistance delivered' }).waitFor();

    // The lead sees it delivered and closes it with a rating.
    await lead.reload();
    await lead.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await expect(field(lead, 'Status').textContent()).resolves.toBe('Delivered');
    await expect(field(lead, 'What was delivered').textContent()).resolves.toBe(
      'One on-site training for intake staff.',
    );
    await open(lead, 'Close with a rating');
    await tick(lead, /^Did it help/, '5 — Very much');
    await lead.getByLabel(/^Feedback for the provider/).fill('Intake staff now use one shared script.');
    await expectAccessible(lead, 'TA close form');
    await screenshot(lead, 'ta-close-form');
    await lead.getByRole('button', { name: 'Close request' }).click();
    await lead.getByRole('heading', { name: 'Request closed' }).waitFor();
    expect(await lead.getByRole('region', { name: 'What you can do' }).count()).toBe(0);
    await expect(timeline(lead)).resolves.toEqual(WALKED);
    await screenshot(lead, 'ta-closed');

    // Each party sees the state: the provider the rating and feedback, the coordinator the closing.
    await provider.reload();
    await provider.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await expect(field(provider, 'Status').textContent()).resolves.toBe('Closed');
    await expect(field(provider, 'Rating').textContent()).resolves.toBe('5 — Very much');
    await expect(field(provider, 'Feedback').textContent()).resolves.toBe(
      'Intake staff now use one shared script.',
    );
    await expectAccessible(provider, 'TA request (provider, closed)');
    await screenshot(provider, 'ta-closed-provider');
    await coordinator.reload();
    await coordinator.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await expect(field(coordinator, 'Status').textContent()).resolves.toBe('Closed');
    await expect(timeline(coordinator)).resolves.toEqual(WALKED);

    expect(three.problems).toEqual([]);
    await three.close();
    // Three people through eight screens and their forms: more than one flow's default on a busy machine.
  }, 300_000);
}
