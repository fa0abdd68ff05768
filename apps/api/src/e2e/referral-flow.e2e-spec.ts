import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';

const DAY = 24 * 60 * 60 * 1000;
const FIELDS = `id status version kind needs urgency responseDueAt callback sharedClasses
  fromAgency { name } toAgency { name } outcome { servicesDelivered text } lastEvent { fromStatus toStatus }`;
const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { ${FIELDS} } } }`;
const step = (name: string, input = 'ReferralTransitionInput') =>
  `mutation($input: ${input}!) { ${name}(input: $input) { referral { ${FIELDS} } } }`;

type R = { id: string; status: string; version: number; [key: string]: unknown };

describe('closed-loop referral (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  async function run(user: string, query: string, input: Record<string, unknown>) {
    const { body } = await hub.gql<Record<string, { referral: R }>>(query, { input }, { user });
    expect(body.errors).toBeUndefined();
    return Object.values(body.data ?? {})[0].referral;
  }

  it('goes DRAFT → SENT → ACKNOWLEDGED → ACCEPTED → IN_PROGRESS → COMPLETED and the sender sees the outcome', async () => {
    let r = await run('ngo.caseworker', CREATE, {
      toAgencyId: DEMO_AGENCY_IDS.safePassage,
      needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
      urgency: 'URGENT',
      language: 'es',
      ageBand: 'AGE_25_34',
      callback: 'Call Harbor Light intake, ask for case HL-17',
    });
    expect(r).toMatchObject({
      status: 'DRAFT',
      version: 1,
      kind: 'STANDARD',
      fromAgency: { name: 'Harbor Light Survivor Services' },
    });
    r = await run('ngo.caseworker', step('sendReferral'), { referralId: r.id, expectedVersion: r.version });
    expect(r.status).toBe('SENT');
    expect(new Date(r.responseDueAt as string).getTime()).toBeGreaterThan(Date.now() + DAY - 60_000);
    r = await run('legal.caseworker', step('acknowledgeReferral'), {
      referralId: r.id,
      expectedVersion: r.version,
    });
    r = await run('legal.caseworker', step('acceptReferral'), {
      referralId: r.id,
      expectedVersion: r.version,
    });
    r = await run('legal.caseworker', step('startReferral'), {
      referralId: r.id,
      expectedVersion: r.version,
    });
    r = await run('legal.caseworker', step('completeReferral', 'CompleteReferralInput'), {
      referralId: r.id,
      expectedVersion: r.version,
      outcome: { servicesDelivered: ['IMMIGRATION_LEGAL'], text: 'T-visa application filed' },
    });
    expect(r).toMatchObject({
      status: 'COMPLETED',
      lastEvent: { fromStatus: 'IN_PROGRESS', toStatus: 'COMPLETED' },
    });
    const seen = await hub.gql<{ referral: R }>(
      `query($id: ID!) { referral(id: $id) { ${FIELDS} } }`,
      { id: r.id },
      { user: 'ngo.caseworker' },
    );
    expect(seen.body.data?.referral.outcome).toEqual({
      servicesDelivered: ['IMMIGRATION_LEGAL'],
      text: 'T-visa application filed',
    });
    const police = await hub.gql(
      `query($id: ID!) { referral(id: $id) { id } }`,
      { id: r.id },
      { user: 'pd.investigator' },
    );
    expect(police.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('an illegal transition is ILLEGAL_TRANSITION and a stale version CONFLICT', async () => {
    const r = await run('ngo.caseworker', CREATE, {
      toAgencyId: DEMO_AGENCY_IDS.safePassage,
      needs: ['LEGAL'],
      urgency: 'ROUTINE',
      callback: 'Hotline',
    });
    const illegal = await hub.gql(
      step('acceptReferral'),
      { input: { referralId: r.id, expectedVersion: r.version } },
      { user: 'legal.caseworker' },
    );
    expect(illegal.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const sent = await run('ngo.caseworker', step('sendReferral'), {
      referralId: r.id,
      expectedVersion: r.version,
    });
    const wrong = await hub.gql(
      step('acceptReferral'),
      { input: { referralId: r.id, expectedVersion: sent.version } },
      { user: 'legal.caseworker' },
    );
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    const stale = await hub.gql(
      step('acknowledgeReferral'),
      { input: { referralId: r.id, expectedVersion: r.version } },
      { user: 'legal.caseworker' },
    );
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('inbox boxes and counts', async () => {
    const { body } = await hub.gql<{ referrals: { counts: Record<string, number>; edges: { node: R }[] } }>(
      `{ referrals(box: RECEIVED, first: 10) { counts { received sent needsAction } edges { node { id status } } } }`,
      {},
      { user: 'legal.caseworker' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.referrals.counts.received).toBeGreaterThanOrEqual(2);
  });
});
