import { demoUser, expectNothingWritten, inputFields, TestHub } from '@hub/testing';
import { codeOf, rows } from './e2e-support';
import { startHub } from './hub';
import { expectError, ok, SAFE_PASSAGE } from './survivor-support';

const GET = `{ notificationPreference { delivery email updatedAt } }`;
const SET = `mutation($input: SetNotificationPreferenceInput!) {
  setNotificationPreference(input: $input) { preference { delivery email updatedAt } }
}`;
const AGENCY = `query($id: ID!) { agency(id: $id) { notificationLanguage version } }`;
const UPDATE_AGENCY = `mutation($input: UpdateAgencyProfileInput!) {
  updateAgencyProfile(input: $input) { agency { notificationLanguage version } }
}`;

type Preference = { delivery: string; email: string | null; updatedAt: string | null };

/** Each user's choice of how they hear of notifications, and the agency's e-mail language. */
describe('notification delivery settings (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const preferenceRows = () =>
    rows(hub, `SELECT user_id, agency_id, delivery, email FROM notification_preference ORDER BY user_id`);

  it('is IN_APP_ONLY until the user chooses', async () => {
    expect(
      ok(await hub.gql<{ notificationPreference: Preference }>(GET, {}, { user: 'legal.caseworker' })),
    ).toEqual({
      notificationPreference: { delivery: 'IN_APP_ONLY', email: null, updatedAt: null },
    });
  });

  it("e-mails the address of the user's token, for the user's own agency only, audited", async () => {
    const before = await hub.watermark();
    const set = ok(
      await hub.gql<{ setNotificationPreference: { preference: Preference } }>(
        SET,
        { input: { delivery: 'EMAIL_IMMEDIATE' } },
        { user: 'ngo.caseworker' },
      ),
    );
    expect(set.setNotificationPreference.preference).toEqual({
      delivery: 'EMAIL_IMMEDIATE',
      email: 'ngo.caseworker@demo.taskforce.example',
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const { sub, agencyId } = demoUser('ngo.caseworker');
    expect(await preferenceRows()).toEqual([
      {
        user_id: sub,
        agency_id: agencyId,
        delivery: 'EMAIL_IMMEDIATE',
        email: 'ngo.caseworker@demo.taskforce.example',
      },
    ]);
    expect(await hub.auditEventsSince(before)).toEqual([
      expect.objectContaining({
        actor_user_id: sub,
        action: 'SET_NOTIFICATION_PREFERENCE',
        subject_type: 'NotificationPreference',
        subject_id: sub,
        decision: 'ALLOWED',
        reason: 'EMAIL_IMMEDIATE',
      }),
    ]);
    // A colleague's preference is their own.
    expect(
      ok(await hub.gql<{ notificationPreference: Preference }>(GET, {}, { user: 'ngo.lead' }))
        .notificationPreference.delivery,
    ).toBe('IN_APP_ONLY');

    ok(await hub.gql(SET, { input: { delivery: 'IN_APP_ONLY' } }, { user: 'ngo.caseworker' }));
    expect(await preferenceRows()).toEqual([
      { user_id: sub, agency_id: agencyId, delivery: 'IN_APP_ONLY', email: null },
    ]);
  });

  it('refuses a caller without a token (401) and a delivery it does not know, writing nothing', async () => {
    const before = await hub.watermark();
    const anonymous = await hub.gql(SET, { input: { delivery: 'EMAIL_IMMEDIATE' } });
    expect(anonymous.status).toBe(401);
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const unknown = await hub.gql(SET, { input: { delivery: 'CARRIER_PIGEON' } }, { user: 'ngo.caseworker' });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    await expectNothingWritten(hub, before);
  });

  it("lets the agency admin choose the agency's e-mail language, en or es only", async () => {
    const version = async () =>
      ok(await hub.gql<{ agency: { version: number } }>(AGENCY, { id: SAFE_PASSAGE }, { user: 'legal.lead' }))
        .agency.version;
    const updated = ok(
      await hub.gql<{ updateAgencyProfile: { agency: { notificationLanguage: string } } }>(
        UPDATE_AGENCY,
        { input: { agencyId: SAFE_PASSAGE, expectedVersion: await version(), notificationLanguage: 'es' } },
        { user: 'legal.lead' },
      ),
    );
    expect(updated.updateAgencyProfile.agency.notificationLanguage).toBe('es');

    const before = await hub.watermark();
    const refused = await hub.gql(
      UPDATE_AGENCY,
      { input: { agencyId: SAFE_PASSAGE, expectedVersion: await version(), notificationLanguage: 'fr' } },
      { user: 'legal.lead' },
    );
    expect(inputFields(expectError(refused, 'BAD_USER_INPUT'))).toEqual(['notificationLanguage']);
    await expectNothingWritten(hub, before);
  });
});
