import { DataSource } from 'typeorm';
import { Transactions } from '@hub/database';
import { TestDatabase } from '@hub/testing';
import { consentsDatabase } from '../testing/spec-support';
import { AccessGrantRepository } from './access-grant.repository';
import { AccessGrantService } from './access-grant.service';

const NOW = new Date('2030-06-01T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const OWNER = '0a6e1d3c-0000-4000-8000-000000000001';
const SHELTER = '0a6e1d3c-0000-4000-8000-000000000002';
const CLINIC = '0a6e1d3c-0000-4000-8000-000000000003';
const POLICE = '0a6e1d3c-0000-4000-8000-000000000004';
const MISSING = '5e0c7b1a-0000-4000-8000-000000000000';

/** Access that does not come from consent, through the service other domains call (real PostgreSQL, the API role). */
describe('AccessGrantService and its repository (integration, real PostgreSQL and migrations)', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let setup: DataSource;
  let api: DataSource;
  let transactions: Transactions;
  const service = new AccessGrantService(new AccessGrantRepository());

  beforeAll(async () => {
    ({ db, setup, api } = await consentsDatabase());
    transactions = new Transactions(api);
    for (const [id, type] of [
      [OWNER, 'NGO'],
      [SHELTER, 'NGO'],
      [CLINIC, 'HEALTH'],
      [POLICE, 'LAW_ENFORCEMENT'],
    ]) {
      await setup.query(`INSERT INTO agency (id, name, type, jurisdiction) VALUES ($1, $2, $3, 'Test')`, [
        id,
        `Agency ${type}`,
        type,
      ]);
    }
  });

  beforeEach(() =>
    setup.query(
      'DELETE FROM consent_grant; DELETE FROM consent_revocation; DELETE FROM consent; DELETE FROM survivor;',
    ),
  );

  afterAll(async () => {
    await setup?.destroy();
    await api?.destroy();
    await db?.drop();
  });

  async function survivor(reference: string, minor: boolean, dateOfBirth: string | null): Promise<string> {
    const [{ id }] = (await setup.query(
      `INSERT INTO survivor (reference, owner_agency_id, minor, date_of_birth, created_by)
       VALUES ($1, $2, $3, $4, 'tester') RETURNING id`,
      [reference, OWNER, minor, dateOfBirth],
    )) as { id: string }[];
    return id;
  }

  async function consent(survivorId: string, recipients: string[], revoked: boolean): Promise<void> {
    const [{ id }] = (await setup.query(
      `INSERT INTO consent (survivor_id, owner_agency_id, grantor_type, recipient_agency_ids, purposes, data_classes,
         valid_from, valid_until, obtained_how, language, interpreter_used, acknowledged_right_to_revoke,
         acknowledged_not_condition_of_service, acknowledged_redisclosure_risk, document_reference, recorded_by)
       VALUES ($1, $2, 'SELF', $3, '{SERVICE}', '{IDENTITY}', $4, $5, 'WRITTEN', 'en', false, true, true, true, 'doc', 'tester')
       RETURNING id`,
      [survivorId, OWNER, recipients, at(-48), at(48)],
    )) as { id: string }[];
    if (revoked) {
      await setup.query(
        `INSERT INTO consent_revocation (consent_id, revoked_at, revoked_by, revoked_by_agency_id, channel)
         VALUES ($1, $2, 'tester', $3, 'IN_PERSON')`,
        [id, at(-1), OWNER],
      );
    }
  }

  async function grant(
    survivorId: string,
    basis: 'CHILD_SAFETY' | 'BREAK_GLASS',
    agencyId: string,
    sourceId: string,
    window: { from?: number; until?: number; revokedAt?: number } = {},
  ): Promise<void> {
    await setup.query(
      `INSERT INTO consent_grant (basis, source_id, survivor_id, agency_id, user_id, data_classes, purposes,
         valid_from, valid_until, revoked_at)
       VALUES ($1, $2, $3, $4, $5, '{IDENTITY}', '{SERVICE}', $6, $7, $8)`,
      [
        basis,
        sourceId,
        survivorId,
        agencyId,
        // Break-glass serves its opener only; other grants the whole agency.
        basis === 'BREAK_GLASS' ? 'supervisor' : null,
        at(window.from ?? -1),
        at(window.until ?? 1),
        window.revokedAt === undefined ? null : at(window.revokedAt),
      ],
    );
  }

  const grantRows = async (survivorId: string) =>
    (await setup.query(
      `SELECT basis, source_id AS "sourceId", agency_id AS "agencyId", revoked_at AS "revokedAt"
         FROM consent_grant WHERE survivor_id = $1 ORDER BY agency_id, source_id`,
      [survivorId],
    )) as { basis: string; sourceId: string; agencyId: string; revokedAt: Date | null }[];

  it('reads the facts of several records in one call: minor at `now`, refused agencies, only live grants; unknown and malformed ids absent', async () => {
    // Seventeen at NOW by date of birth, though not flagged; an adult with a revoked and a standing consent.
    const teen = await survivor('S-0000000001', false, '2012-06-02');
    const adult = await survivor('S-0000000002', false, '1990-01-01');
    await consent(adult, [SHELTER, CLINIC], true);
    await consent(adult, [POLICE], false);
    const session = '9b1e0c2d-0000-4000-8000-000000000001';
    await grant(adult, 'BREAK_GLASS', SHELTER, session);
    await grant(adult, 'BREAK_GLASS', CLINIC, session, { until: -0.5 });
    await grant(adult, 'BREAK_GLASS', POLICE, session, { revokedAt: -0.5 });
    await grant(adult, 'CHILD_SAFETY', CLINIC, session, { from: 0.5, until: 2 });

    const facts = await transactions.run((tx) =>
      service.survivorFactsMany(tx, [teen, adult, adult, MISSING, 'not-a-uuid'], NOW),
    );

    expect([...facts.keys()].sort()).toEqual([teen, adult].sort());
    expect(facts.get(teen)).toEqual({
      ownerAgencyId: OWNER,
      reference: 'S-0000000001',
      minor: true,
      revokedForAgencyIds: [],
      liveGrants: [],
    });
    expect({
      ...facts.get(adult),
      revokedForAgencyIds: [...(facts.get(adult)?.revokedForAgencyIds ?? [])].sort(),
    }).toEqual({
      ownerAgencyId: OWNER,
      reference: 'S-0000000002',
      minor: false,
      revokedForAgencyIds: [SHELTER, CLINIC].sort(),
      liveGrants: [
        {
          agencyId: SHELTER,
          purposes: ['SERVICE'],
          classes: ['IDENTITY'],
          basis: 'BREAK_GLASS',
          userId: 'supervisor',
        },
      ],
    });
    // The teen turns eighteen the next day.
    await expect(transactions.run((tx) => service.survivorFacts(tx, teen, at(24)))).resolves.toMatchObject({
      minor: false,
    });
    await expect(transactions.run((tx) => service.survivorFacts(tx, MISSING, NOW))).resolves.toBeNull();
    await expect(
      transactions.run((tx) => service.survivorFactsMany(tx, ['not-a-uuid'], NOW)),
    ).resolves.toEqual(new Map());
  });

  it('grants access without a consent and ends exactly the grants its source made, once', async () => {
    const child = await survivor('S-0000000003', true, null);
    const report = '9b1e0c2d-0000-4000-8000-000000000002';
    const other = '9b1e0c2d-0000-4000-8000-000000000003';
    await grant(child, 'CHILD_SAFETY', CLINIC, other);
    await transactions.run((tx) =>
      service.grant(tx, {
        basis: 'CHILD_SAFETY',
        sourceId: report,
        survivorId: child,
        agencyId: POLICE,
        classes: ['IDENTITY', 'CONTACT'],
        purposes: ['INVESTIGATION'],
        validFrom: at(-1),
        validUntil: at(72),
      }),
    );
    const [written] = (await setup.query(
      `SELECT consent_id AS "consentId", user_id AS "userId", data_classes AS "dataClasses", purposes, revoked_at AS "revokedAt"
         FROM consent_grant WHERE source_id = $1`,
      [report],
    )) as Record<string, unknown>[];
    expect(written).toEqual({
      consentId: null,
      userId: null,
      dataClasses: ['IDENTITY', 'CONTACT'],
      purposes: ['INVESTIGATION'],
      revokedAt: null,
    });

    await transactions.run((tx) => service.revokeFrom(tx, report, NOW));
    // Again later: a grant already ended keeps the time it ended.
    await transactions.run((tx) => service.revokeFrom(tx, report, at(5)));

    expect(await grantRows(child)).toEqual([
      { basis: 'CHILD_SAFETY', sourceId: other, agencyId: CLINIC, revokedAt: null },
      { basis: 'CHILD_SAFETY', sourceId: report, agencyId: POLICE, revokedAt: NOW },
    ]);
  });

  it('ends only the named agencies’ live break-glass grants, and answers the sessions they came from', async () => {
    const adult = await survivor('S-0000000004', false, null);
    const first = '9b1e0c2d-0000-4000-8000-000000000011';
    const second = '9b1e0c2d-0000-4000-8000-000000000012';
    const expired = '9b1e0c2d-0000-4000-8000-000000000013';
    const report = '9b1e0c2d-0000-4000-8000-000000000014';
    const elsewhere = '9b1e0c2d-0000-4000-8000-000000000015';
    await grant(adult, 'BREAK_GLASS', SHELTER, first);
    await grant(adult, 'BREAK_GLASS', SHELTER, second);
    await grant(adult, 'BREAK_GLASS', CLINIC, first);
    await grant(adult, 'BREAK_GLASS', CLINIC, expired, { from: -3, until: -2 });
    await grant(adult, 'CHILD_SAFETY', SHELTER, report);
    await grant(adult, 'BREAK_GLASS', POLICE, elsewhere);

    await expect(transactions.run((tx) => service.revokeBreakGlass(tx, adult, [], NOW))).resolves.toEqual([]);
    const sessions = await transactions.run((tx) =>
      service.revokeBreakGlass(tx, adult, [SHELTER, CLINIC], NOW),
    );

    expect(sessions.sort()).toEqual([first, second]);
    expect(await grantRows(adult)).toEqual([
      { basis: 'BREAK_GLASS', sourceId: first, agencyId: SHELTER, revokedAt: NOW },
      { basis: 'BREAK_GLASS', sourceId: second, agencyId: SHELTER, revokedAt: NOW },
      { basis: 'CHILD_SAFETY', sourceId: report, agencyId: SHELTER, revokedAt: null },
      { basis: 'BREAK_GLASS', sourceId: first, agencyId: CLINIC, revokedAt: NOW },
      { basis: 'BREAK_GLASS', sourceId: expired, agencyId: CLINIC, revokedAt: null },
      { basis: 'BREAK_GLASS', sourceId: elsewhere, agencyId: POLICE, revokedAt: null },
    ]);
  });
});
