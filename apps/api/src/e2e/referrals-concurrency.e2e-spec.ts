import type pg from 'pg';
import { demoUser, GraphqlResponse, TestHub } from '@hub/testing';
import { startHub } from './hub';
import {
  ACCEPT,
  acknowledgedReferral,
  CREATE_REFERRAL,
  DECLINE,
  deidentifiedInput,
  HARBOR,
  ReferralNode,
  releasedTogether,
  SAFE_PASSAGE,
  writesOf,
} from './referrals-race-support';
import { rows } from './e2e-support';
import { expectError, ok, tag } from './survivor-support';

/**
 * Concurrency on separate connections (issue 4, "Nothing lost"). Each HTTP request takes its own
 * pooled connection; to make requests meet at the database at the same moment, a transaction of
 * the owner's on yet another connection holds the lock they need, and lets go only once every one
 * of them waits on it (seen in pg_stat_activity).
 */

const RUNS = 10;
type Gql = GraphqlResponse;
type Winner = { status: 'ACCEPTED' | 'DECLINED'; user: string; action: string };

const ACCEPTER = 'legal.caseworker';
const DECLINER = 'legal.lead';

describe('referrals under concurrency (e2e, separate connections)', () => {
  jest.setTimeout(120_000);
  let hub: TestHub;
  const tally = { ACCEPTED: 0, DECLINED: 0 };

  beforeAll(async () => {
    // A connection for every concurrent request; no background sealing in the way.
    hub = await startHub({ env: { DATABASE_POOL_SIZE: '16', AUDIT_SEAL_INTERVAL_SECONDS: '0' } });
    for (const user of ['ngo.caseworker', ACCEPTER, DECLINER]) await hub.idp.tokenFor(user);
  });
  afterAll(async () => {
    process.stdout.write(
      `accept/decline races: ${tally.ACCEPTED} won by accept, ${tally.DECLINED} by decline\n`,
    );
    await hub?.close();
  });

  const accept = (r: ReferralNode): Promise<Gql> =>
    hub.gql(ACCEPT, { input: { referralId: r.id, expectedVersion: r.version } }, { user: ACCEPTER });
  const decline = (r: ReferralNode): Promise<Gql> =>
    hub.gql(
      DECLINE,
      {
        input: {
          referralId: r.id,
          expectedVersion: r.version,
          reasonCode: 'NO_CAPACITY',
          declinedBy: 'PROVIDER',
          reason: 'Wait list is full',
        },
      },
      { user: DECLINER },
    );

  /** Exactly one of accept / decline succeeded at version + 1, the other is CONFLICT and nothing else. */
  function oneWinner(r: ReferralNode, accepted: Gql, declined: Gql): Winner {
    const won = [accepted, declined].filter((response) => !response.body.errors);
    expect(won).toHaveLength(1);
    if (!accepted.body.errors) {
      expectError(declined, 'CONFLICT');
      const node = ok(accepted as { body: { data?: { acceptReferral: { referral: ReferralNode } } } });
      expect(node.acceptReferral.referral).toMatchObject({
        id: r.id,
        status: 'ACCEPTED',
        version: r.version + 1,
      });
      return { status: 'ACCEPTED', user: ACCEPTER, action: 'ACCEPT_REFERRAL' };
    }
    expectError(accepted, 'CONFLICT');
    const node = ok(declined as { body: { data?: { declineReferral: { referral: ReferralNode } } } });
    expect(node.declineReferral.referral).toMatchObject({
      id: r.id,
      status: 'DECLINED',
      version: r.version + 1,
    });
    return { status: 'DECLINED', user: DECLINER, action: 'DECLINE_REFERRAL' };
  }

  /** The row moved one version, with one event, one ALLOWED audit row and one notification, all the winner's. */
  async function writtenOnce(r: ReferralNode, before: Awaited<ReturnType<typeof writesOf>>, winner: Winner) {
    const after = await writesOf(hub, r.id);
    const { sub } = demoUser(winner.user);
    expect(after.row).toEqual({
      status: winner.status,
      version: r.version + 1,
      decline_reason: winner.status === 'DECLINED' ? 'NO_CAPACITY' : null,
    });
    expect(after.events.slice(0, before.events.length)).toEqual(before.events);
    expect(after.events.slice(before.events.length)).toEqual([
      {
        from_status: 'ACKNOWLEDGED',
        to_status: winner.status,
        actor_user_id: sub,
        actor_agency_id: SAFE_PASSAGE,
      },
    ]);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    expect(after.audit.slice(before.audit.length)).toEqual([
      { action: winner.action, decision: 'ALLOWED', actor_user_id: sub, actor_agency_id: SAFE_PASSAGE },
    ]);
    expect(after.notifications.slice(before.notifications.length)).toEqual([
      { agency_id: HARBOR, event_type: `REFERRAL_${winner.status}` },
    ]);
    tally[winner.status] += 1;
  }

  describe('accept and decline of the same ACKNOWLEDGED referral, same expectedVersion', () => {
    it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
      'run %i: both block on the row at once; exactly one wins, the other is CONFLICT',
      async (run) => {
        const r = await acknowledgedReferral(hub);
        const before = await writesOf(hub, r.id);
        const { responses, waited } = await releasedTogether(
          hub,
          async (owner) => {
            await owner.query(`SELECT id FROM referral WHERE id = $1 FOR UPDATE`, [r.id]);
          },
          // Alternate which request leaves first.
          () => (run % 2 ? [accept(r), decline(r)] : [decline(r), accept(r)].reverse()),
          2,
        );
        // Both transitions were at the versioned UPDATE at the same moment.
        expect(waited).toBe(2);
        const [accepted, declined] = responses;
        await writtenOnce(r, before, oneWinner(r, accepted, declined));
      },
    );

    it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
      'run %i: sent together with Promise.all only; exactly one wins, the other is CONFLICT',
      async () => {
        const r = await acknowledgedReferral(hub);
        const before = await writesOf(hub, r.id);
        const [accepted, declined] = await Promise.all([accept(r), decline(r)]);
        await writtenOnce(r, before, oneWinner(r, accepted, declined));
      },
    );

    // The loser of a race may also reach the database just after the winner committed. It still
    // acted on the version it saw, so it is CONFLICT ("reload and try again") whichever won.
    it('decline commits first; accept at the version it saw is CONFLICT (not ILLEGAL_TRANSITION) and changes nothing', async () => {
      const r = await acknowledgedReferral(hub);
      const before = await writesOf(hub, r.id);
      const declined = await decline(r);
      const accepted = await accept(r);
      await writtenOnce(r, before, oneWinner(r, accepted, declined));
    });

    it('accept commits first; decline at the version it saw is CONFLICT and changes nothing', async () => {
      const r = await acknowledgedReferral(hub);
      const before = await writesOf(hub, r.id);
      const accepted = await accept(r);
      const declined = await decline(r);
      await writtenOnce(r, before, oneWinner(r, accepted, declined));
    });
  });

  describe('idempotent createReferral sent 10 times concurrently', () => {
    const create = (input: Record<string, unknown>): Promise<Gql> =>
      hub.gql(CREATE_REFERRAL, { input }, { user: 'ngo.caseworker' });

    /** The referral rows with this key, with their event and audit rows. */
    async function byKey(key: string) {
      const found = await rows<{ id: string; notes: string | null; status: string; version: number }>(
        hub,
        `SELECT r.id, r.notes, r.status, r.version FROM referral r
           JOIN idempotency_key k ON k.subject_type = 'Referral' AND k.subject_id = r.id
          WHERE k.scope = $1 AND k.key = $2`,
        [HARBOR, key],
      );
      const ids = found.map((row) => row.id);
      const events = await rows<{ referral_id: string; to_status: string }>(
        hub,
        `SELECT subject_id AS referral_id, to_status FROM record_event
          WHERE subject_type = 'Referral' AND subject_id = ANY($1::uuid[])`,
        [ids],
      );
      const audit = await rows<{
        subject_id: string;
        action: string;
        decision: string;
        actor_user_id: string;
      }>(
        hub,
        `SELECT subject_id, action, decision, actor_user_id FROM audit_event
          WHERE subject_type = 'Referral' AND subject_id = ANY($1::text[])`,
        [ids],
      );
      return { found, events, audit };
    }

    /** The key claimed, uncommitted: every create blocks on it where createOnce claims the key. */
    const placeholder = (key: string) => async (owner: pg.Client) => {
      await owner.query(
        `INSERT INTO idempotency_key (scope, subject_type, key, request_hash, subject_id)
         VALUES ($1, 'Referral', $2, NULL, gen_random_uuid())`,
        [HARBOR, key],
      );
    };

    async function exactlyOne(key: string, responses: Gql[], winningNotes: string | null = null) {
      const { found, events, audit } = await byKey(key);
      expect(found).toHaveLength(1);
      const [row] = found;
      expect(row).toMatchObject({ status: 'DRAFT', version: 1 });
      if (winningNotes !== null) expect(row.notes).toBe(winningNotes);
      expect(events).toEqual([{ referral_id: row.id, to_status: 'DRAFT' }]);
      expect(audit).toEqual([
        {
          subject_id: row.id,
          action: 'CREATE_REFERRAL',
          decision: 'ALLOWED',
          actor_user_id: demoUser('ngo.caseworker').sub,
        },
      ]);
      const ids = responses.map(
        (response) =>
          ok(response as { body: { data?: { createReferral: { referral: ReferralNode } } } }).createReferral
            .referral.id,
      );
      expect(ids).toEqual(Array.from({ length: responses.length }, () => row.id));
      return row;
    }

    it('all 10 meet at the INSERT at once → exactly one referral, all 10 answers carry its id', async () => {
      const key = `race-${tag()}-same`;
      const input = deidentifiedInput({ idempotencyKey: key, needs: ['LEGAL', 'IMMIGRATION_LEGAL'] });
      const { responses, waited } = await releasedTogether(
        hub,
        placeholder(key),
        () => Array.from({ length: 10 }, () => create(input)),
        10,
      );
      expect(waited).toBe(10);
      await exactlyOne(key, responses);
    });

    it.each([1, 2, 3])(
      'round %i with Promise.all only → exactly one referral, the same id 10 times',
      async () => {
        const key = `race-${tag()}-plain`;
        const input = deidentifiedInput({ idempotencyKey: key });
        const responses = await Promise.all(Array.from({ length: 10 }, () => create(input)));
        await exactlyOne(key, responses);
      },
    );

    async function mixed(key: string, responses: Gql[], notes: string[]) {
      const { found } = await byKey(key);
      expect(found).toHaveLength(1);
      const winning = found[0].notes;
      expect(notes).toContain(winning);
      const same = responses.filter((_, i) => notes[i] === winning);
      const other = responses.filter((_, i) => notes[i] !== winning);
      expect(same.length).toBeGreaterThan(0);
      // Same input: the same referral. Different input: CONFLICT, never a referral.
      await exactlyOne(key, same, winning);
      for (const response of other) expectError(response, 'CONFLICT');
    }

    it('same key, two different inputs, all at the INSERT at once → one referral; same input gets its id, the other CONFLICT', async () => {
      const key = `race-${tag()}-mixed`;
      const notes = Array.from({ length: 10 }, (_, i) => (i % 2 ? 'variant A' : 'variant B'));
      const { responses, waited } = await releasedTogether(
        hub,
        placeholder(key),
        () => notes.map((n) => create(deidentifiedInput({ idempotencyKey: key, notes: n }))),
        10,
      );
      expect(waited).toBe(10);
      await mixed(key, responses, notes);
    });

    it.each([1, 2, 3])(
      'round %i: same key, two different inputs with Promise.all only → one referral; the other input CONFLICT',
      async () => {
        const key = `race-${tag()}-mixed-plain`;
        const notes = Array.from({ length: 10 }, (_, i) => (i % 3 ? 'variant A' : 'variant B'));
        const responses = await Promise.all(
          notes.map((n) => create(deidentifiedInput({ idempotencyKey: key, notes: n }))),
        );
        await mixed(key, responses, notes);
      },
    );
  });
});
