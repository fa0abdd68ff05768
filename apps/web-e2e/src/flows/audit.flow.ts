import { readFile } from 'node:fs/promises';
import { expectAccessible, people, screenshot, signIn } from '../support/browser';
import { gql, type WebHub } from '../support/web-hub';

/** The export's columns (AuditQueryService.csv). */
const CSV_HEADER =
  'id,occurred_at,actor_user_id,actor_agency_id,action,subject_type,subject_id,fields,purpose,decision,reason,request_id,subject_agency_ids';

/** Today as YYYY-MM-DD where the browser runs (this machine): the days the screen asks for are the reader's. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The auditor's screen: the trail filtered down to one record's creation, that page exported as a
 * CSV file named by its date range, and the whole trail verified.
 */
export function auditFlow(hub: () => WebHub): void {
  it('audit: tf.auditor filters the events down to a record’s creation, exports them as CSV and verifies the trail', async () => {
    const { webUrl, idp, api } = hub();
    const { createSurvivor } = await gql<{ createSurvivor: { survivor: { id: string } } }>(
      api,
      await idp.tokenFor('ngo.caseworker'),
      'mutation($input: CreateSurvivorInput!) { createSurvivor(input: $input) { survivor { id } } }',
      { input: { givenName: 'Audited' } },
    );
    const survivorId = createSurvivor.survivor.id;
    const day = today();
    const one = await people(hub().browser, 1);
    const [page] = one.pages;

    await signIn(page, webUrl, 'tf.auditor');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByRole('table', { name: 'Audit events, newest first' }).waitFor();
    expect(await page.title()).toBe('Audit trail · Task Force Hub');
    await expectAccessible(page, 'audit trail');

    // Down to the record's creation: action typed as a person would, the record's id, today.
    await page.getByLabel(/^Action/).fill('create survivor');
    await page.getByLabel(/^Kind of record/).fill('Survivor');
    await page.getByLabel(/^Record id/).fill(survivorId);
    await page.getByLabel(/^Decision/).selectOption('ALLOWED');
    await page.getByLabel(/^From \(first day\)/).fill(day);
    await page.getByLabel(/^To \(last day\)/).fill(day);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('table', { name: 'Audit events, newest first' });
    // The page on screen stays until the filtered one arrives: wait for it.
    await page.waitForFunction((id) => {
      const rows = [...document.querySelectorAll('table tbody tr')];
      return rows.length === 1 && rows[0].textContent?.includes(id);
    }, survivorId);
    const row = table.locator('tbody tr').first();
    await expect(row.textContent()).resolves.toContain('CREATE_SURVIVOR');
    await expect(row.textContent()).resolves.toContain('Harbor Light Survivor Services');
    await expect(page.getByLabel(/^Action/).inputValue()).resolves.toBe('CREATE_SURVIVOR');
    // The filter stays out of the address.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/audit');
    await screenshot(page, 'audit-filtered');

    // The same filter as a CSV file named by its date range.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`audit-events_${day}_to_${day}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"CREATE_SURVIVOR","Survivor","${survivorId}"`);
    await page
      .getByRole('heading', { name: `Download started: audit-events_${day}_to_${day}.csv` })
      .waitFor();

    // Nothing matches a refusal of it.
    await page.getByLabel(/^Decision/).selectOption('DENIED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').getByText('No audit events match these filters.').waitFor();

    // The whole trail, verified.
    await page.getByRole('button', { name: 'Verify the trail' }).click();
    await page.getByRole('heading', { name: 'The audit trail is intact' }).waitFor();
    await page.getByText(/^seal \d+, hash [0-9a-f]{64}$/).waitFor();
    await expectAccessible(page, 'audit trail verified');
    await screenshot(page, 'audit-verified');

    expect(one.problems).toEqual([]);
    await one.close();
  });
}
