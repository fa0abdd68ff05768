import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, Transactions } from '@hub/database';
import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { notificationPublisherOn } from '@hub/notifications';
import {
  buildBundle,
  containerEnv,
  IMAGE_NODE_VERSION,
  imageNodeRuntime,
  installProductionDependencies,
  startTestMailbox,
  TestDatabase,
  TestMailbox,
  TestProcess,
  watch,
  WORKSPACE,
} from '@hub/testing';
import { hubDatabase } from './testing/worker-hub';

const MINUTES = 60_000;

/**
 * What docker/worker.Dockerfile builds and runs, without Docker: the production webpack build,
 * `npm install --omit=dev` of its generated package.json, `node main.js` on the image's Node
 * major against a migrated database — ready, delivers a notification through a real SMTP
 * server, stops cleanly on SIGTERM, logs JSON only.
 */
describe('the worker production bundle (docker/worker.Dockerfile without Docker)', () => {
  let bundle: string;
  let node: string;
  let db: TestDatabase;
  let mailbox: TestMailbox;
  let worker: TestProcess | undefined;

  beforeAll(async () => {
    bundle = await mkdtemp(join(tmpdir(), 'hub-worker-bundle-'));
    const setup = await Promise.allSettled([
      imageNodeRuntime().then((path) => (node = path)),
      hubDatabase().then((created) => (db = created)),
      startTestMailbox().then((started) => (mailbox = started)),
      buildBundle('worker', bundle).then(() => installProductionDependencies('worker', bundle)),
    ]);
    const failed = setup.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 15 * MINUTES);

  afterAll(async () => {
    await worker?.kill();
    await Promise.all([
      db?.drop(),
      mailbox?.close(),
      bundle ? rm(bundle, { recursive: true, force: true }) : undefined,
    ]);
  });

  it('is built for the Node major of the Dockerfile', () => {
    const images = [
      ...readFileSync(join(WORKSPACE, 'docker/worker.Dockerfile'), 'utf8').matchAll(/^FROM\s+node:(\d+)/gm),
    ];
    expect(new Set(images.map((m) => m[1]))).toEqual(new Set([IMAGE_NODE_VERSION.split('.')[0]]));
  });

  it(
    'becomes ready, delivers a notification by e-mail, then stops cleanly on SIGTERM',
    async () => {
      worker = watch(
        spawn(node, ['main.js'], {
          cwd: bundle,
          env: containerEnv({
            HOST: '127.0.0.1',
            PORT: '0',
            DATABASE_URL: db.apiUrl,
            SMTP_URL: mailbox.url,
            HUB_WEB_URL: 'https://hub.example.org',
            OUTBOX_POLL_INTERVAL_MS: '200',
          }),
        }),
      );
      const ready = await worker.waitForLog((line) => line.msg === 'worker ready', 2 * MINUTES);
      const health = await fetch(String(ready.health));
      expect({ status: health.status, body: (await health.json()) as unknown }).toEqual({
        status: 200,
        body: { status: 'ok', checks: { database: true, jobQueue: true } },
      });

      const owner = await new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1 })).initialize();
      try {
        await new Transactions(owner).run((tx) =>
          notificationPublisherOn(owner).publish(tx, {
            agencyIds: [DEMO_AGENCY_IDS.harborLight],
            eventType: 'PROTOCOL_PUBLISHED',
            subjectType: 'Protocol',
            subjectId: 'bundle-check',
            message: 'A protocol was published.',
          }),
        );
      } finally {
        await owner.destroy();
      }
      const [mail] = await mailbox.waitFor(1, 30_000);
      expect({ to: mail.to, subject: mail.subject }).toEqual({
        to: ['intake@harborlight.example.org'],
        subject: 'Task Force Hub: Protocol published',
      });

      worker.child.kill('SIGTERM');
      expect(await worker.exited()).toEqual({ code: 0, signal: null });
      expect(worker.notJson()).toEqual([]);
      expect(worker.json().filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect(worker.json().map((line) => line.msg)).toContain('worker stopped');
    },
    3 * MINUTES,
  );
});
