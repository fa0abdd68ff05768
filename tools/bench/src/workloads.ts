/**
 * The workloads of issue 12 as GraphQL operations (field names from apps/api/schema.gql), each
 * with the demo user who sends it and, for W1–W3, the floor's path for the same question. W4 sends
 * its idempotency key as a variable (a new key per request: every request creates a referral).
 */
export interface Workload {
  id: string;
  title: string;
  /** Demo user whose token the requests carry; none for a public query. */
  user?: string;
  query: string;
  /** The document of request `n` when it differs per request (W4d); otherwise `query`. */
  document?(n: number, fixtures: Fixtures): string;
  /** Variables of one request; `n` counts the requests of a run (W2 cycles ids, W4 makes keys). */
  variables(n: number, fixtures: Fixtures): Record<string, unknown>;
  /** The floor's path for request `n`, for workloads it answers. */
  floor?(n: number, fixtures: Fixtures): string;
}

export interface Fixtures {
  /** Referrals the W2 user may open (received, with events, messages and a survivor). */
  referralIds: string[];
  /** Receiving agency of W4's referrals. */
  createTo: string;
  /** Distinguishes W4's idempotency keys between runs on one database. */
  runId: string;
}

const INBOX = `query Inbox($first: Int!) {
  referrals(box: RECEIVED, first: $first) {
    edges { node { id status urgency needs createdAt fromAgency { id name } lastEvent { toStatus occurredAt } survivor { reference } } }
    pageInfo { hasNextPage }
  }
}`;

/** W1 and W1b: a caseworker's inbox, one page. */
function inbox(id: string, first: number): Workload {
  return {
    id,
    title: `\`referrals(box: RECEIVED, first: ${first})\``,
    user: 'ngo.caseworker',
    query: INBOX,
    variables: () => ({ first }),
    floor: () => `/referrals?first=${first}`,
  };
}

/** W4's referral: de-identified, from Safe Passage to Bayview Police. */
function createInput(n: number, { createTo, runId }: Fixtures) {
  return {
    idempotencyKey: `bench-${runId}-${n}`,
    toAgencyId: createTo,
    needs: ['VICTIM_ADVOCACY'],
    urgency: 'ROUTINE',
    ageBand: 'AGE_25_34',
    language: 'es',
    callback: 'Call the intake line and ask for the benchmark desk.',
  };
}

export const W4: Workload = {
  // Last: the only workload that writes. Safe Passage → Bayview Police, so Harbor Light's boxes
  // (W1, W2, W5) do not grow while the run goes on.
  id: 'W4',
  title: '`createReferral` (idempotent, de-identified)',
  user: 'legal.caseworker',
  query: `mutation Create($input: CreateReferralInput!) { createReferral(input: $input) { referral { id status } } }`,
  variables: (n, fixtures) => ({ input: createInput(n, fixtures) }),
};

/**
 * W4 with its input written into the document instead of a variable, as a careless client does: a
 * document text the server has never seen on every request (what a per-document cache must not keep
 * forever). Not in WORKLOADS: the memory workload (memory.ts) runs it beside W4.
 */
export const W4D: Workload = {
  id: 'W4d',
  title: '`createReferral`, a new document text per request (input inlined)',
  user: 'legal.caseworker',
  query: '',
  document: (n, fixtures) => {
    const input = createInput(n, fixtures);
    return `mutation { createReferral(input: { idempotencyKey: "${input.idempotencyKey}", toAgencyId: "${input.toAgencyId}",
  needs: [VICTIM_ADVOCACY], urgency: ROUTINE, ageBand: AGE_25_34, language: "${input.language}", callback: "${input.callback}" }) {
    referral { id status } } }`;
  },
  variables: () => ({}),
};

export const WORKLOADS: Workload[] = [
  {
    id: 'W0',
    title: '`{ __typename }` with a token',
    user: 'ngo.caseworker',
    query: '{ __typename }',
    variables: () => ({}),
  },
  inbox('W1', 20),
  inbox('W1b', 50),
  {
    id: 'W2',
    title: '`referral(id)` with events, messages, survivor',
    user: 'ngo.caseworker',
    query: `query Referral($id: ID!) {
  referral(id: $id) {
    id status urgency needs createdAt fromAgency { id name } toAgency { id name }
    events { fromStatus toStatus reason occurredAt } messages { authorAgencyId body createdAt } survivor { reference }
  }
}`,
    variables: (n, { referralIds }) => ({ id: referralIds[n % referralIds.length] }),
    floor: (n, { referralIds }) => `/referral?id=${referralIds[n % referralIds.length]}`,
  },
  {
    id: 'W3',
    title: 'public `directory(need: LEGAL, first: 20)`',
    query: `query Directory($need: ServiceNeed!, $first: Int!) {
  directory(need: $need, first: $first) {
    edges { node { id name type services languages serviceAreas acceptingReferrals intakePhone hours address { city region } } }
    pageInfo { hasNextPage }
  }
}`,
    variables: () => ({ need: 'LEGAL', first: 20 }),
    floor: () => '/directory?need=LEGAL&first=20',
  },
  {
    id: 'W5',
    title: '`survivors(first: 20)` with names',
    user: 'ngo.caseworker',
    query: `query Survivors($first: Int!) {
  survivors(first: $first) { edges { node { id reference ageBand minor givenName familyName } } pageInfo { hasNextPage } }
}`,
    variables: () => ({ first: 20 }),
  },
  W4,
];
