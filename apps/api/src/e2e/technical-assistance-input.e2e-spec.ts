import { expectNothingWritten, TestHub } from '@hub/testing';
import { startHub } from './hub';
import {
  changeOf,
  isoDate,
  LIST,
  Op,
  requestAt,
  requestInput,
  RequestNode,
  run,
  sessionInput,
  Stage,
} from './technical-assistance-support';

/** BAD_USER_INPUT with no data and nothing written: no TA row, no notification, no audit row. */
async function expectBadInput(hub: TestHub, op: Op, user: string, input: Record<string, unknown>) {
  const before = await hub.watermark();
  const response = await run(hub, op, user, input);
  expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(response.body.data ?? null).toBeNull();
  await expectNothingWritten(hub, before);
  return response.body.errors?.[0];
}

describe('technical assistance: bad input is BAD_USER_INPUT and changes nothing (e2e)', () => {
  let hub: TestHub;
  const at: Partial<Record<Stage, RequestNode>> = {};
  beforeAll(async () => {
    hub = await startHub();
    for (const stage of ['SUBMITTED', 'TRIAGED', 'IN_PROGRESS', 'DELIVERED'] as const)
      at[stage] = await requestAt(hub, stage);
  });
  afterAll(async () => {
    await hub.close();
  });
  const request = (stage: Stage) => {
    const found = at[stage];
    if (!found) throw new Error(`no request at ${stage}`);
    return found;
  };

  describe('requestTechnicalAssistance', () => {
    it.each([
      ['an unknown topic', { topic: 'ASTROLOGY' }],
      ['a topic in lower case', { topic: 'victim_identification' }],
      ['an unknown type', { type: 'WEBINAR_SERIES' }],
      ['an unknown modality', { modality: 'CARRIER_PIGEON' }],
      ['an unknown urgency', { urgency: 'YESTERDAY' }],
      ['an unknown audience', { audiences: ['ALIENS'] }],
      ['no audience', { audiences: [] }],
      ['an audience twice', { audiences: ['COMMUNITY', 'COMMUNITY'] }],
      ['an empty problem statement', { problemStatement: '' }],
      ['a blank problem statement', { problemStatement: '   \n\t ' }],
      ['a problem statement over 4000 characters', { problemStatement: 'x'.repeat(4001) }],
      ['a missing desired outcome', { desiredOutcome: undefined }],
      ['0 expected attendees', { expectedAttendees: 0 }],
      ['negative expected attendees', { expectedAttendees: -5 }],
      ['expected attendees over the limit (1001)', { expectedAttendees: 1001 }],
      ['fractional expected attendees', { expectedAttendees: 2.5 }],
      [
        'preferred dates in the wrong order',
        { preferredStartDate: isoDate(30), preferredEndDate: isoDate(10) },
      ],
      [
        'a preferred start date in the past',
        { preferredStartDate: isoDate(-3), preferredEndDate: isoDate(10) },
      ],
      ['a preferred date years ahead', { preferredStartDate: isoDate(10), preferredEndDate: isoDate(2000) }],
      ['a date that does not exist', { preferredStartDate: '2031-02-30', preferredEndDate: undefined }],
      ['a date not as YYYY-MM-DD', { preferredStartDate: '12/01/2031', preferredEndDate: undefined }],
      ['a malformed task force id', { taskForceId: 'bay-county' }],
      ['a short idempotency key', { idempotencyKey: 'abc' }],
      ['an unknown field', { survivorName: 'Ana Perez' }],
    ])('refuses %s', async (_name, overrides) => {
      await expectBadInput(hub, 'request', 'ngo.lead', requestInput(overrides));
    });

    it('names every problem field of the wrong date order', async () => {
      const error = await expectBadInput(
        hub,
        'request',
        'ngo.lead',
        requestInput({ preferredStartDate: isoDate(30), preferredEndDate: isoDate(10) }),
      );
      expect(error?.extensions?.problems).toEqual([
        { field: 'preferredEndDate', message: 'must not be before preferredStartDate' },
      ]);
    });
  });

  describe('closeTechnicalAssistance', () => {
    it.each([
      ['rating 0', { rating: 0 }],
      ['rating 6', { rating: 6 }],
      ['rating -1', { rating: -1 }],
      ['a fractional rating', { rating: 4.5 }],
      ['no rating', { rating: undefined }],
      ['feedback over 4000 characters', { rating: 4, feedback: 'x'.repeat(4001) }],
    ])('refuses %s', async (_name, extra) => {
      await expectBadInput(hub, 'close', 'ngo.lead', changeOf(request('DELIVERED'), extra));
    });
  });

  describe('recordTechnicalAssistanceSession', () => {
    const session = (extra: Record<string, unknown>) => {
      const r = request('IN_PROGRESS');
      return sessionInput(r.id, r.version, extra);
    };
    it.each([
      ['negative hours', { hours: -2 }],
      ['zero hours', { hours: 0 }],
      ['more than 24 hours', { hours: 25 }],
      ['hours finer than 0.01', { hours: 1.234 }],
      [
        'attendance over the limit for one audience',
        { attendance: [{ audience: 'COMMUNITY', attendees: 1001 }] },
      ],
      [
        'attendance over the limit in all',
        {
          attendance: [
            { audience: 'COMMUNITY', attendees: 600 },
            { audience: 'EDUCATORS', attendees: 600 },
          ],
        },
      ],
      ['negative attendance', { attendance: [{ audience: 'COMMUNITY', attendees: -1 }] }],
      [
        'an audience counted twice',
        {
          attendance: [
            { audience: 'COMMUNITY', attendees: 5 },
            { audience: 'COMMUNITY', attendees: 7 },
          ],
        },
      ],
      ['an unknown audience', { attendance: [{ audience: 'ALIENS', attendees: 3 }] }],
      ['a session in the future', { heldOn: isoDate(2) }],
      ['a session before the request was made', { heldOn: '2020-01-15' }],
      ['a date that does not exist', { heldOn: '2026-13-01' }],
      ['an unknown modality', { modality: 'TELEPATHY' }],
      ['21 materials', { materials: Array.from({ length: 21 }, (_, i) => `Handout ${i}`) }],
      ['a blank material', { materials: ['  '] }],
    ])('refuses %s', async (_name, extra) => {
      await expectBadInput(hub, 'recordSession', 'ta.provider', session(extra));
    });
  });

  describe('the other changes', () => {
    it.each([
      ['triage without a priority', 'triage', 'tf.coordinator', 'SUBMITTED', { priority: undefined }],
      ['triage with an unknown priority', 'triage', 'tf.coordinator', 'SUBMITTED', { priority: 'URGENTEST' }],
      ['decline without a reason', 'decline', 'tf.coordinator', 'SUBMITTED', { reason: '' }],
      ['decline with a blank reason', 'decline', 'tf.coordinator', 'SUBMITTED', { reason: '   ' }],
      ['assign to a malformed agency id', 'assign', 'tf.coordinator', 'TRIAGED', { agencyId: 'regional-ta' }],
      ['expectedVersion 0', 'triage', 'tf.coordinator', 'SUBMITTED', { priority: 'LOW', expectedVersion: 0 }],
      [
        'a malformed request id',
        'triage',
        'tf.coordinator',
        'SUBMITTED',
        { priority: 'LOW', requestId: 'x' },
      ],
    ] as const)('refuses %s', async (_name, op, user, stage, extra) => {
      await expectBadInput(hub, op, user, changeOf(request(stage), extra));
    });

    it('refuses an empty message', async () => {
      await expectBadInput(hub, 'message', 'ngo.lead', { requestId: request('SUBMITTED').id, body: ' ' });
    });
  });

  it.each([
    ['first: 0', { first: 0 }],
    ['first: 101', { first: 101 }],
    ['a garbage cursor', { after: 'garbage!' }],
    ['a cursor of another shape', { after: Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url') }],
    ['an unknown scope', { scope: 'EVERYTHING' }],
    ['an unknown status', { status: 'LOST' }],
  ])('the list refuses %s', async (_name, variables) => {
    const response = await hub.gql(LIST, variables, { user: 'tf.coordinator' });
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
