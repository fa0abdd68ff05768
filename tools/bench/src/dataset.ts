import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { seedDemoData } from '@hub/agencies';
import { DEMO_AGENCY_IDS, DEMO_USERS } from '@hub/demo-data';
import { dataSourceOptions, dropDatabase, namedQuery, provisionDatabase, withAdmin } from '@hub/database';
import { dropTemplate, TEST_ROLE_PASSWORDS } from '@hub/testing';
import { ROOT, runTsToEnd } from '@hub/tools';

/** Referrals per size; everything else follows from the count (DESIGN.md §3 for the shapes). */
export const SIZES = { tiny: 400, small: 10_000, large: 1_000_000 } as const;
export type Size = keyof typeof SIZES;

export const AGENCY_COUNT = 200;
/** Share of all referrals each referring demo agency receives, and sends (at least MIN_DEMO_SHARE of them). */
const DEMO_SHARE = 0.02;
const MIN_DEMO_REFERRALS = 1_000;
/** A generated database is reused this long: its open referrals and live consents are relative to when it was made. */
const REUSE_HOURS = 20;

/**
 * Databases are named `<namespace>_<size>` (the template) and `<namespace>_<size>_run`: one run at a
 * time per PostgreSQL server and namespace (the smoke test takes a namespace of its own).
 */
export const DEFAULT_NAMESPACE = 'hub_bench';

export interface Dataset {
  size: Size;
  /** The template the runs copy (never used directly, so every run starts from the same rows). */
  template: string;
  referrals: number;
  generatedSeconds: number | null;
}

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/** The demo users whose agencies send and receive referrals: the sender and the receiver in each. */
const DEMO_ACTORS = {
  [DEMO_AGENCY_IDS.harborLight]: { sends: 'ngo.caseworker', receives: 'ngo.caseworker' },
  [DEMO_AGENCY_IDS.safePassage]: { sends: 'legal.caseworker', receives: 'legal.caseworker' },
  [DEMO_AGENCY_IDS.bayviewPolice]: { sends: 'pd.investigator', receives: 'pd.supervisor' },
};
const subOf = (username: string) => {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.sub;
};

/**
 * What the generator writes, as a digest: a changed generator or migration makes a new template.
 * Migrations are read as files (the tools never import the app that gathers them).
 */
function fingerprint(size: Size): string {
  const hash = createHash('sha256')
    .update(generate.toString())
    .update(
      JSON.stringify({
        size,
        n: SIZES[size],
        AGENCY_COUNT,
        DEMO_SHARE,
        MIN_DEMO_REFERRALS,
        NEEDS,
        PLACES,
        GIVEN,
        FAMILY,
        MESSAGES,
        DEMO_ACTORS,
      }),
    );
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((x, y) =>
      x.name.localeCompare(y.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') visit(path);
      else if (dir.endsWith('/migrations') && entry.name.endsWith('.ts')) hash.update(readFileSync(path));
    }
  };
  visit(join(ROOT, 'libs'));
  hash.update(readFileSync(join(ROOT, 'apps/api/src/app/migrations.ts')));
  return hash.digest('hex').slice(0, 12);
}

/**
 * The benchmark's database for `size`: generated once into a template database (`hub_bench_<size>`)
 * and reused while its generator, its size and the day are the same; `fresh` regenerates it.
 */
export async function ensureDataset(
  adminUrl: string,
  size: Size,
  options: { fresh?: boolean; namespace?: string } = {},
): Promise<Dataset> {
  const template = `${options.namespace ?? DEFAULT_NAMESPACE}_${size}`;
  const stamp = `tfh-bench ${fingerprint(size)}`;
  const found = await withAdmin(adminUrl, (client) =>
    client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [template],
    ),
  );
  const comment = found.rows[0]?.comment ?? '';
  const [madeStamp, madeAt] = comment.split(' @ ');
  const ageHours = madeAt ? (Date.now() - Date.parse(madeAt)) / 3_600_000 : Infinity;
  if (!options.fresh && madeStamp === stamp && ageHours < REUSE_HOURS) {
    log(`reusing ${template} (generated ${ageHours.toFixed(1)} h ago)`);
    return { size, template, referrals: SIZES[size], generatedSeconds: null };
  }
  const started = Date.now();
  await dropTemplate(adminUrl, template);
  const db = await provisionDatabase({ adminUrl, database: template, ...TEST_ROLE_PASSWORDS });
  // The app's own migrations, as `npm run migrate` applies them.
  await runTsToEnd('apps/api/src/migrate.ts', { DATABASE_OWNER_URL: db.ownerUrl }, '[migrate]');
  const dataSource = new DataSource(dataSourceOptions({ url: db.ownerUrl, applicationName: 'hub-bench' }));
  await dataSource.initialize();
  try {
    await seedDemoData(dataSource, {});
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await generate(runner.manager, SIZES[size]);
    } finally {
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
  await withAdmin(adminUrl, async (client) => {
    await client.query(`COMMENT ON DATABASE "${template}" IS '${stamp} @ ${new Date().toISOString()}'`);
    await client.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true`);
  });
  const seconds = (Date.now() - started) / 1000;
  log(`generated ${template} (${SIZES[size].toLocaleString('en')} referrals) in ${seconds.toFixed(0)} s`);
  return { size, template, referrals: SIZES[size], generatedSeconds: seconds };
}

/** A run's own copy of the template (what the hub and the floor read and write), dropped after. */
export async function copyDataset(adminUrl: string, dataset: Dataset, suffix: string) {
  const database = `${dataset.template}_${suffix}`;
  await dropDatabase(adminUrl, database);
  return provisionDatabase({ adminUrl, database, template: dataset.template, ...TEST_ROLE_PASSWORDS });
}

/** Drops a template (the smoke test's, when it is done). */
export function dropDataset(adminUrl: string, dataset: Dataset): Promise<void> {
  return dropTemplate(adminUrl, dataset.template);
}

const WRITTEN_TABLES = [
  'agency',
  'task_force',
  'task_force_membership',
  'survivor',
  'consent',
  'consent_grant',
  'consent_revocation',
  'referral',
  'record_event',
  'record_message',
];

const NEEDS = [
  'CASE_MANAGEMENT',
  'DENTAL',
  'EDUCATION_AND_LITERACY',
  'EMERGENCY_RESPONSE',
  'FAMILY_REUNIFICATION',
  'FINANCIAL_ASSISTANCE',
  'FOOD_AND_SUSTENANCE',
  'HOUSING_AND_SHELTER',
  'IMMIGRATION_LEGAL',
  'INTERPRETATION_AND_TRANSLATION',
  'JOB_TRAINING_AND_EMPLOYMENT',
  'LEGAL',
  'LIFE_SKILLS',
  'MEDICAL',
  'MENTAL_HEALTH',
  'PUBLIC_BENEFITS_AND_CERTIFICATION',
  'RETURN_AND_REINTEGRATION',
  'SUBSTANCE_USE_TREATMENT',
  'SUPPORT_GROUPS',
  'TRANSPORTATION',
  'VICTIM_ADVOCACY',
];
const PLACES = [
  'Bay County',
  'Port Harbor',
  'Bayview',
  'Marin Flats',
  'Cedar Falls',
  'North Ridge',
  'Riverside',
  'Lakeshore',
  'Pine Hollow',
  'Eastgate',
  'Stone Creek',
  'Westbrook',
];
const GIVEN = [
  'Ana',
  'Mei',
  'Olga',
  'Amina',
  'Rosa',
  'Linh',
  'Fatima',
  'Grace',
  'Maria',
  'Yusuf',
  'Tomas',
  'Ivan',
];
const FAMILY = [
  'Garcia',
  'Nguyen',
  'Petrova',
  'Okafor',
  'Santos',
  'Tran',
  'Haddad',
  'Mensah',
  'Lopez',
  'Kim',
];
const MESSAGES = [
  'Intake call scheduled for Tuesday morning.',
  'We have a bed available from Friday; please confirm transport.',
  'Interpreter booked for the first appointment.',
  'Could you send the signed release again? The scan was unreadable.',
  'Client attended the first session; next one in two weeks.',
  'Waiting list is about three weeks at the moment.',
];

/**
 * Writes `n` referrals and everything around them in one session, set-based (INSERT … SELECT
 * generate_series: nothing goes row by row): 194 agencies beside the six demo ones, task forces,
 * survivors for ~20 % of the referrals with a consent and its grant each, the workflow kernel's
 * events (one per move, the status path ending in the referral's status) and messages. Every
 * CHECK and foreign key of the real tables applies, and the rows keep the workflow's invariants:
 * version = number of events, sent_at iff a SENT event, a consent that covered the recipient when
 * the referral was made, revocations after the last move, nothing in the future.
 */
async function generate(tx: EntityManager, n: number): Promise<void> {
  const step = async (label: string, sql: string, params: Record<string, unknown> = {}) => {
    const started = Date.now();
    await namedQuery(tx, sql, params);
    log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  // At most a quarter each, so a tiny dataset still has referrals between generated agencies.
  const demoShare = Math.min(0.25, Math.max(DEMO_SHARE, MIN_DEMO_REFERRALS / n));
  const demo = Object.entries(DEMO_ACTORS).map(([agency, users]) => ({
    agency,
    sends: subOf(users.sends),
    receives: subOf(users.receives),
  }));
  // Every "now" of the generation is one instant, so no row is dated after another's "now".
  const now = new Date().toISOString();
  await tx.query(`SET synchronous_commit = off`);
  await tx.query(`SELECT setseed(0.1964)`);
  await tx.query(`SET TIME ZONE 'UTC'`);

  await step(
    'agencies',
    `INSERT INTO agency (id, name, type, jurisdiction, description, services, languages, service_areas,
       service_area_keys, hours, intake_phone, intake_email, website, address_street, address_city,
       address_region, address_postal_code, accepting_referrals, confidential_location)
     SELECT md5('agency' || g.n)::uuid,
            g.place || ' ' || g.noun || ' ' || lpad(g.n::text, 3, '0'),
            g.type, g.place, 'Generated for the benchmark: ' || lower(g.noun) || '.',
            g.services, g.languages, g.areas, ARRAY(SELECT lower(a) FROM unnest(g.areas) a),
            'Mon–Fri 09:00–17:00', '555-01' || lpad((g.n % 100)::text, 2, '0'),
            'intake' || g.n || '@agency.example', 'https://agency' || g.n || '.example',
            CASE WHEN g.n % 10 = 0 THEN NULL ELSE g.n || ' Main Street' END,
            CASE WHEN g.n % 10 = 0 THEN NULL ELSE g.place END,
            CASE WHEN g.n % 10 = 0 THEN NULL ELSE 'CA' END,
            CASE WHEN g.n % 10 = 0 THEN NULL ELSE lpad((94000 + g.n)::text, 5, '0') END,
            g.type IN ('NGO', 'LAW_ENFORCEMENT', 'PROSECUTOR', 'HEALTH', 'CHILD_WELFARE') AND g.n % 7 <> 0,
            g.type = 'NGO' AND g.n % 6 = 0
       FROM (
         SELECT s.n, t.type, t.noun, (:places::text[])[1 + s.n % 12] AS place,
                CASE t.type
                  WHEN 'NGO' THEN COALESCE(NULLIF(ARRAY(
                    SELECT need FROM unnest(:needs::text[]) need WHERE random() < 0.3 + 0 * s.n), '{}'), '{CASE_MANAGEMENT}')
                  WHEN 'LAW_ENFORCEMENT' THEN '{EMERGENCY_RESPONSE,VICTIM_ADVOCACY}'
                  WHEN 'PROSECUTOR' THEN '{LEGAL,VICTIM_ADVOCACY}'
                  WHEN 'HEALTH' THEN '{MEDICAL,MENTAL_HEALTH,DENTAL,SUBSTANCE_USE_TREATMENT}'
                  WHEN 'CHILD_WELFARE' THEN '{CASE_MANAGEMENT,HOUSING_AND_SHELTER,FAMILY_REUNIFICATION}'
                  WHEN 'FEDERAL_PARTNER' THEN '{VICTIM_ADVOCACY,FINANCIAL_ASSISTANCE}'
                  ELSE '{}' END::text[] AS services,
                ARRAY['en'] || ARRAY(SELECT l FROM unnest('{es,vi,zh,tl,ar,ru,ht,ko,pt}'::text[]) l
                                      WHERE random() < 0.2 + 0 * s.n) AS languages,
                ARRAY(SELECT DISTINCT (:places::text[])[1 + (s.n * k) % 12] FROM generate_series(1, 1 + s.n % 3) k) AS areas
           FROM generate_series(1, :count::int) s(n)
           CROSS JOIN LATERAL (
             SELECT (ARRAY['NGO','NGO','NGO','NGO','NGO','NGO','NGO','NGO','NGO','NGO',
                           'LAW_ENFORCEMENT','LAW_ENFORCEMENT','LAW_ENFORCEMENT','HEALTH','HEALTH',
                           'PROSECUTOR','CHILD_WELFARE','FEDERAL_PARTNER','TA_PROVIDER','COORDINATOR'])[1 + s.n % 20] AS type
           ) kind
           CROSS JOIN LATERAL (
             SELECT CASE kind.type WHEN 'NGO' THEN 'Survivor Services' WHEN 'LAW_ENFORCEMENT' THEN 'Police Department'
               WHEN 'HEALTH' THEN 'Health Center' WHEN 'PROSECUTOR' THEN 'District Attorney'
               WHEN 'CHILD_WELFARE' THEN 'Child and Family Services' WHEN 'FEDERAL_PARTNER' THEN 'Federal Victim Office'
               WHEN 'TA_PROVIDER' THEN 'Training Center' ELSE 'Task Force Office' END AS noun, kind.type
           ) t
       ) g`,
    { places: PLACES, needs: NEEDS, count: AGENCY_COUNT - 6 },
  );
  await step(
    'task forces',
    `INSERT INTO task_force (id, name, jurisdiction, description)
     SELECT md5('task-force' || t)::uuid, (:places::text[])[1 + t] || ' Anti-Trafficking Task Force',
            (:places::text[])[1 + t], ''
       FROM generate_series(1, 4) t`,
    { places: PLACES },
  );
  await step(
    'memberships',
    `INSERT INTO task_force_membership (task_force_id, agency_id, role)
     SELECT md5('task-force' || (1 + (row_number() OVER (ORDER BY a.id)) % 4))::uuid, a.id,
            CASE WHEN a.type = 'COORDINATOR' THEN 'CO_LEAD_VICTIM_SERVICES' ELSE 'MEMBER' END
       FROM agency a WHERE a.description LIKE 'Generated for the benchmark%'`,
  );

  // One row per referral with every choice made once, so the tables below agree with each other.
  await step(
    'plan',
    `CREATE TEMP TABLE plan0 AS
     WITH pools AS (
       SELECT array_agg(id ORDER BY id) AS parties, count(*)::int AS size FROM agency
        WHERE type IN ('NGO', 'LAW_ENFORCEMENT', 'PROSECUTOR', 'HEALTH', 'CHILD_WELFARE')
          AND NOT id = ANY(:demo::uuid[])
     ), picked AS (
       SELECT i, r.*,
              CASE WHEN r.to_pick < :share::float8 * 3 THEN (:demo::uuid[])[1 + floor(r.to_pick / :share::float8)::int]
                   ELSE p.parties[1 + floor(r.to_any * p.size)::int] END AS to_id,
              CASE WHEN r.from_pick < :share::float8 * 3 THEN (:demo::uuid[])[1 + floor(r.from_pick / :share::float8)::int]
                   ELSE p.parties[1 + floor(r.from_any * p.size)::int] END AS from_wanted,
              p.parties[1 + (floor(r.from_any * p.size)::int + 1) % p.size] AS from_else
         FROM generate_series(1, :n::int) i, pools p,
         LATERAL (SELECT random() + 0 * i AS to_pick, random() AS to_any, random() AS from_pick, random() AS from_any,
                         random() AS survivor_pick, random() AS status_pick, random() AS urgency_pick,
                         random() AS age_pick, random() AS message_pick, random() AS minor_pick,
                         random() AS path_pick, random() AS revoke_pick, random() AS needs_pick) r
     ), placed AS (
       SELECT p.*, CASE WHEN p.from_wanted = p.to_id THEN p.from_else ELSE p.from_wanted END AS from_id,
              date_trunc('milliseconds', :now::timestamptz - p.age_pick * interval '730 days') AS created_at
         FROM picked p
     ), typed AS (
       SELECT p.*, t.type AS to_type,
              t.type IN ('LAW_ENFORCEMENT', 'PROSECUTOR') AS to_police,
              CASE WHEN :now::timestamptz - p.created_at < interval '2 days' THEN
                  CASE WHEN p.status_pick < 0.10 THEN 'DRAFT' WHEN p.status_pick < 0.55 THEN 'SENT'
                       WHEN p.status_pick < 0.80 THEN 'ACKNOWLEDGED' WHEN p.status_pick < 0.90 THEN 'ACCEPTED'
                       WHEN p.status_pick < 0.95 THEN 'IN_PROGRESS' WHEN p.status_pick < 0.98 THEN 'DECLINED'
                       ELSE 'WITHDRAWN' END
                WHEN :now::timestamptz - p.created_at < interval '30 days' THEN
                  CASE WHEN p.status_pick < 0.03 THEN 'DRAFT' WHEN p.status_pick < 0.08 THEN 'SENT'
                       WHEN p.status_pick < 0.13 THEN 'ACKNOWLEDGED' WHEN p.status_pick < 0.23 THEN 'ACCEPTED'
                       WHEN p.status_pick < 0.53 THEN 'IN_PROGRESS' WHEN p.status_pick < 0.58 THEN 'ON_HOLD'
                       WHEN p.status_pick < 0.83 THEN 'COMPLETED' WHEN p.status_pick < 0.93 THEN 'DECLINED'
                       WHEN p.status_pick < 0.97 THEN 'WITHDRAWN' ELSE 'FAILED' END
                ELSE
                  CASE WHEN p.status_pick < 0.01 THEN 'DRAFT' WHEN p.status_pick < 0.02 THEN 'SENT'
                       WHEN p.status_pick < 0.03 THEN 'ACKNOWLEDGED' WHEN p.status_pick < 0.05 THEN 'ACCEPTED'
                       WHEN p.status_pick < 0.13 THEN 'IN_PROGRESS' WHEN p.status_pick < 0.16 THEN 'ON_HOLD'
                       WHEN p.status_pick < 0.76 THEN 'COMPLETED' WHEN p.status_pick < 0.90 THEN 'DECLINED'
                       WHEN p.status_pick < 0.95 THEN 'WITHDRAWN' ELSE 'FAILED' END
              END AS status
         FROM placed p JOIN agency t ON t.id = p.to_id
     )
     SELECT t.*,
            md5('referral' || t.i)::uuid AS id,
            CASE WHEN t.survivor_pick < 0.2 THEN md5('survivor' || t.i)::uuid END AS survivor_id,
            CASE WHEN t.survivor_pick < 0.2 THEN md5('consent' || t.i)::uuid END AS consent_id,
            t.survivor_pick < 0.2 AND NOT t.to_police AND t.minor_pick < 0.08 AS minor,
            CASE WHEN t.urgency_pick < 0.1 THEN 'EMERGENCY' WHEN t.urgency_pick < 0.4 THEN 'URGENT' ELSE 'ROUTINE' END AS urgency,
            ARRAY(SELECT DISTINCT (:needs::text[])[1 + (floor(t.needs_pick * 21)::int + 7 * k) % 21]
                    FROM generate_series(0, floor(t.needs_pick * 1000)::int % 3) k) AS needs,
            CASE t.status
              WHEN 'DRAFT' THEN '{DRAFT}'
              WHEN 'SENT' THEN '{DRAFT,SENT}'
              WHEN 'ACKNOWLEDGED' THEN '{DRAFT,SENT,ACKNOWLEDGED}'
              WHEN 'ACCEPTED' THEN '{DRAFT,SENT,ACKNOWLEDGED,ACCEPTED}'
              WHEN 'IN_PROGRESS' THEN '{DRAFT,SENT,ACKNOWLEDGED,ACCEPTED,IN_PROGRESS}'
              WHEN 'ON_HOLD' THEN '{DRAFT,SENT,ACKNOWLEDGED,ACCEPTED,IN_PROGRESS,ON_HOLD}'
              WHEN 'COMPLETED' THEN CASE WHEN t.path_pick < 0.2
                THEN '{DRAFT,SENT,ACKNOWLEDGED,ACCEPTED,IN_PROGRESS,ON_HOLD,IN_PROGRESS,COMPLETED}'
                ELSE '{DRAFT,SENT,ACKNOWLEDGED,ACCEPTED,IN_PROGRESS,COMPLETED}' END
              WHEN 'DECLINED' THEN CASE WHEN t.path_pick < 0.5 THEN '{DRAFT,SENT,DECLINED}'
                ELSE '{DRAFT,SENT,ACKNOWLEDGED,DECLINED}' END
              WHEN 'FAILED' THEN '{DRAFT,SENT,ACKNOWLEDGED,ACCEPTED,IN_PROGRESS,FAILED}'
              ELSE CASE WHEN t.path_pick < 0.3 THEN '{DRAFT,WITHDRAWN}' ELSE '{DRAFT,SENT,WITHDRAWN}' END
            END::text[] AS path,
            COALESCE(sender.sends, md5('user' || t.from_id)::uuid::text) AS sender_sub,
            COALESCE(receiver.receives, md5('user' || t.to_id)::uuid::text) AS receiver_sub
       FROM typed t
       LEFT JOIN (SELECT unnest(:demo::uuid[]) AS agency, unnest(:demoSends::text[]) AS sends) sender ON sender.agency = t.from_id
       LEFT JOIN (SELECT unnest(:demo::uuid[]) AS agency, unnest(:demoReceives::text[]) AS receives) receiver ON receiver.agency = t.to_id`,
    {
      n,
      now,
      share: demoShare,
      needs: NEEDS,
      demo: demo.map((d) => d.agency),
      demoSends: demo.map((d) => d.sends),
      demoReceives: demo.map((d) => d.receives),
    },
  );
  // Moves are at most two days apart and the last one is not in the future.
  // Moves are at most two days apart (at least a millisecond) and the last one is not in the future.
  await step(
    'plan: times',
    `CREATE TEMP TABLE plan AS
     SELECT q.*, t.gap,
            CASE WHEN 'SENT' = ANY(q.path) THEN q.created_at + t.gap END AS sent_at,
            CASE WHEN 'SENT' = ANY(q.path) THEN q.created_at + t.gap + CASE q.urgency
              WHEN 'EMERGENCY' THEN interval '4 hours' WHEN 'URGENT' THEN interval '24 hours'
              ELSE interval '7 days' END END AS due_at,
            q.created_at + t.gap * (cardinality(q.path) - 1) AS updated_at
       FROM plan0 q
       CROSS JOIN LATERAL (SELECT greatest(interval '1 millisecond', date_trunc('milliseconds',
         least(interval '2 days', (:now::timestamptz - q.created_at) / (cardinality(q.path) + 1)))) AS gap) t`,
    { now },
  );
  await tx.query(`DROP TABLE plan0`);
  await tx.query(`ANALYZE plan`);
  await step(
    'survivors',
    `INSERT INTO survivor (id, reference, owner_agency_id, minor, given_name, family_name, date_of_birth, gender,
       phone, safe_contact, needs, preferred_language, interpreter_needed, situation_summary, created_by,
       created_at, updated_at)
     SELECT p.survivor_id, 'S-' || upper(substr(md5('reference' || p.i), 1, 4)) || lpad(upper(to_hex(p.i)), 6, '0'),
            p.from_id, p.minor, (:given::text[])[1 + p.i % 12], (:family::text[])[1 + (p.i / 12) % 10],
            (p.created_at - CASE WHEN p.minor THEN interval '12 years' + (p.i % 5) * interval '1 year'
                                  ELSE interval '19 years' + (p.i % 40) * interval '1 year' END)::date,
            CASE WHEN p.i % 3 = 0 THEN 'male' ELSE 'female' END,
            '555-02' || lpad((p.i % 100)::text, 2, '0'),
            jsonb_build_object('safeTimes', 'weekday mornings', 'safeMethod', 'text first', 'doNotContact', false),
            jsonb_build_array(jsonb_build_object('need', p.needs[1], 'priority', 'HIGH')),
            CASE WHEN p.i % 4 = 0 THEN 'es' ELSE 'en' END, p.i % 4 = 0,
            'Referred for ' || lower(replace(p.needs[1], '_', ' ')) || '.',
            p.sender_sub, p.created_at - interval '3 days', p.created_at - interval '3 days'
       FROM plan p WHERE p.survivor_id IS NOT NULL`,
    { given: GIVEN, family: FAMILY },
  );
  await step(
    'consents',
    `INSERT INTO consent (id, survivor_id, owner_agency_id, grantor_type, grantor_name, grantor_relationship,
       grantor_not_suspected_attested, recipient_agency_ids, purposes, data_classes, valid_from, valid_until,
       obtained_how, language, interpreter_used, acknowledged_right_to_revoke,
       acknowledged_not_condition_of_service, acknowledged_redisclosure_risk, document_reference,
       recorded_by, recorded_at)
     SELECT p.consent_id, p.survivor_id, p.from_id,
            CASE WHEN p.minor THEN 'PARENT' ELSE 'SELF' END,
            CASE WHEN p.minor THEN 'Parent of ' ELSE '' END || (:given::text[])[1 + p.i % 12] || ' ' || (:family::text[])[1 + (p.i / 12) % 10],
            CASE WHEN p.minor THEN 'mother' END, p.minor,
            ARRAY[p.to_id],
            CASE WHEN p.to_police THEN '{SERVICE,INVESTIGATION}' ELSE '{SERVICE}' END::text[],
            '{IDENTITY,CONTACT,NEEDS}', p.created_at - interval '2 days', p.created_at + interval '88 days',
            CASE WHEN p.i % 2 = 0 THEN 'WRITTEN' ELSE 'E_SIGNATURE' END,
            CASE WHEN p.i % 4 = 0 THEN 'es' ELSE 'en' END, p.i % 4 = 0, true, true, true,
            'DOC-' || p.i, p.sender_sub, p.created_at - interval '2 days'
       FROM plan p WHERE p.consent_id IS NOT NULL`,
    { given: GIVEN, family: FAMILY },
  );
  // A revocation comes 30 days into a consent, after the referral's last move (at most 16 days in).
  await step(
    'consent grants',
    `INSERT INTO consent_grant (id, consent_id, survivor_id, agency_id, data_classes, purposes, valid_from,
       valid_until, revoked_at, basis)
     SELECT md5('grant' || p.i)::uuid, p.consent_id, p.survivor_id, p.to_id, '{IDENTITY,CONTACT,NEEDS}',
            CASE WHEN p.to_police THEN '{SERVICE,INVESTIGATION}' ELSE '{SERVICE}' END::text[],
            p.created_at - interval '2 days', p.created_at + interval '88 days',
            CASE WHEN p.revoke_pick < 0.03 AND p.created_at + interval '28 days' < :now::timestamptz
                 THEN p.created_at + interval '28 days' END,
            'CONSENT'
       FROM plan p WHERE p.consent_id IS NOT NULL`,
    { now },
  );
  await step(
    'revocations',
    `INSERT INTO consent_revocation (consent_id, revoked_at, revoked_by, revoked_by_agency_id, channel, reason)
     SELECT g.consent_id, g.revoked_at, p.sender_sub, p.from_id, 'IN_PERSON', 'Survivor asked to stop sharing.'
       FROM consent_grant g JOIN plan p ON p.consent_id = g.consent_id WHERE g.revoked_at IS NOT NULL`,
  );
  await step(
    'referrals',
    `INSERT INTO referral (id, kind, from_agency_id, to_agency_id, needs, urgency, response_due_at, notes,
       survivor_id, consent_id, shared_classes, language, age_band, callback, status, decline_reason,
       decline_reason_text, declined_by, failure_reason, outcome_services, outcome_text, created_by, version,
       created_at, updated_at, sent_at)
     SELECT p.id, 'STANDARD', p.from_id, p.to_id, p.needs, p.urgency, p.due_at,
            CASE WHEN p.i % 3 = 0 THEN 'Please call before the first visit.' END,
            p.survivor_id, p.consent_id,
            CASE WHEN p.survivor_id IS NULL THEN '{}' ELSE '{IDENTITY,NEEDS}' END::text[],
            CASE WHEN p.survivor_id IS NULL THEN CASE WHEN p.i % 4 = 0 THEN 'es' ELSE 'en' END END,
            CASE WHEN p.survivor_id IS NULL THEN (ARRAY['AGE_18_24','AGE_25_34','AGE_35_49','AGE_50_PLUS','UNKNOWN'])[1 + p.i % 5] END,
            CASE WHEN p.survivor_id IS NULL THEN 'Call the intake line and ask for case ' || p.i END,
            p.status,
            CASE WHEN p.status = 'DECLINED' THEN (ARRAY['NO_CAPACITY','NOT_ELIGIBLE','SERVICE_NOT_OFFERED','COULD_NOT_CONTACT','OTHER'])[1 + p.i % 5] END,
            CASE WHEN p.status = 'DECLINED' AND p.i % 5 = 4 THEN 'Outside our service area.' END,
            CASE WHEN p.status = 'DECLINED' THEN CASE WHEN p.i % 4 = 0 THEN 'SURVIVOR' ELSE 'PROVIDER' END END,
            CASE WHEN p.status = 'FAILED' THEN 'Lost contact after the second appointment.' END,
            CASE WHEN p.status = 'COMPLETED' THEN p.needs[1:1] END,
            CASE WHEN p.status = 'COMPLETED' THEN 'Services delivered as planned.' END,
            p.sender_sub, cardinality(p.path), p.created_at, p.updated_at, p.sent_at
       FROM plan p`,
  );
  await step(
    'referral events',
    `INSERT INTO record_event (id, subject_type, subject_id, from_status, to_status, actor_user_id,
       actor_agency_id, reason, occurred_at)
     SELECT md5('event' || p.i || '-' || k)::uuid, 'Referral', p.id, p.path[k - 1], p.path[k],
            CASE WHEN p.path[k] IN ('DRAFT', 'SENT', 'WITHDRAWN') THEN p.sender_sub ELSE p.receiver_sub END,
            CASE WHEN p.path[k] IN ('DRAFT', 'SENT', 'WITHDRAWN') THEN p.from_id ELSE p.to_id END,
            CASE WHEN p.path[k] = 'FAILED' THEN 'Lost contact after the second appointment.'
                 WHEN p.path[k] = 'DECLINED' AND p.i % 5 = 4 THEN 'Outside our service area.' END,
            p.created_at + p.gap * (k - 1)
       FROM plan p, generate_subscripts(p.path, 1) k`,
  );
  await step(
    'referral messages',
    `INSERT INTO record_message (id, subject_type, subject_id, author_user_id, author_agency_id, body, created_at)
     SELECT md5('message' || p.i || '-' || m)::uuid, 'Referral', p.id,
            CASE WHEN m % 2 = 1 THEN p.sender_sub ELSE p.receiver_sub END,
            CASE WHEN m % 2 = 1 THEN p.from_id ELSE p.to_id END,
            (:messages::text[])[1 + (p.i + m) % 6],
            least(:now::timestamptz, p.sent_at + (p.updated_at - p.sent_at + interval '1 hour') * m / 4)
       FROM plan p, generate_series(1, 1 + (floor(p.message_pick * 100)::int % 3)) m
      WHERE p.sent_at IS NOT NULL AND p.message_pick < 0.3`,
    { messages: MESSAGES, now },
  );
  await tx.query(`DROP TABLE plan`);
  const started = Date.now();
  await tx.query(`VACUUM (ANALYZE) ${WRITTEN_TABLES.join(', ')}`);
  log(`  vacuum and analyze (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
