import { DEMO_AGENCIES, DEMO_AGENCY_IDS, DEMO_TASK_FORCE } from '@hub/demo-data';
import { hsdsProblems } from '@hub/agencies';
import { demoUser, expectNothingWritten, expectOnlyDenied, TestHub } from '@hub/testing';
import { codeOf, must, rows } from './e2e-support';
import { startHub } from './hub';
import { coordinatorOfNewTaskForce } from './platform-support';

type Json = Record<string, unknown> & { id: string };
interface Directory {
  hsds_version: string;
  taxonomies: Json[];
  taxonomy_terms: Json[];
  organizations: Json[];
  services: (Json & {
    organization_id: string;
    phones: Json[];
    languages: Json[];
    service_at_locations: Json[];
  })[];
}
interface Entry {
  organizationId: string;
  name: string;
  status: string;
  changedFields: string[];
}

const TF = DEMO_TASK_FORCE.id;
const HARBOR = DEMO_AGENCY_IDS.harborLight;
const SAFE_PASSAGE = DEMO_AGENCY_IDS.safePassage;
const SECRET_STREET = '100 Lantern Way';
const EXPORT = `query($taskForceId: ID!, $format: DirectoryExportFormat) {
  directoryExport(taskForceId: $taskForceId, format: $format) { taskForceId format hsdsVersion files { path mediaType content } } }`;
const ENTRY = 'organizationId name status changedFields';
const PREVIEW = `query($input: DirectoryImportInput!) {
  previewDirectoryImport(input: $input) { valid entries { ${ENTRY} } problems { path reason } } }`;
const APPLY = `mutation($input: DirectoryImportInput!) { applyDirectoryImport(input: $input) { entries { ${ENTRY} } } }`;

describe('directory exchange in Open Referral HSDS 3.0 (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  type Files = { path: string; mediaType: string; content: string }[];
  const exported = async (format: 'JSON' | 'CSV', user = 'tf.coordinator') => {
    const response = await hub.gql<{ directoryExport: { hsdsVersion: string; files: Files } }>(
      EXPORT,
      { taskForceId: TF, format },
      { user },
    );
    expect(response.body.errors).toBeUndefined();
    return must(response.body.data).directoryExport;
  };
  const exportedDirectory = async (): Promise<{ text: string; directory: Directory }> => {
    const { files } = await exported('JSON');
    expect(files.map((f) => f.path)).toEqual(['directory.json']);
    return { text: files[0].content, directory: JSON.parse(files[0].content) as Directory };
  };
  const preview = (document: string, user = 'tf.coordinator') =>
    hub.gql<{
      previewDirectoryImport: {
        valid: boolean;
        entries: Entry[];
        problems: { path: string; reason: string }[];
      };
    }>(PREVIEW, { input: { taskForceId: TF, document } }, { user });
  const apply = (document: string, as: { user?: string; token?: string } = { user: 'tf.coordinator' }) =>
    hub.gql<{ applyDirectoryImport: { entries: Entry[] } }>(
      APPLY,
      { input: { taskForceId: TF, document } },
      as,
    );
  const serviceOf = (directory: Directory, agencyId: string) =>
    must(directory.services.find((s) => s.organization_id === agencyId));

  describe('export', () => {
    it('writes every member agency as an organization with its one service, each object valid against the HSDS 3.0 field rules', async () => {
      const { text, directory } = await exportedDirectory();
      expect(directory.hsds_version).toBe('3.0');
      expect(directory.organizations.map((o) => o.id).sort()).toEqual(DEMO_AGENCIES.map((a) => a.id).sort());
      expect(directory.services).toHaveLength(DEMO_AGENCIES.length);
      const problems = [
        ...directory.organizations.flatMap((o, i) => hsdsProblems('organization', o, `organizations[${i}]`)),
        ...directory.services.flatMap((s, i) => hsdsProblems('service', s, `services[${i}]`)),
        ...directory.taxonomies.flatMap((t, i) => hsdsProblems('taxonomy', t, `taxonomies[${i}]`)),
        ...directory.taxonomy_terms.flatMap((t, i) =>
          hsdsProblems('taxonomy_term', t, `taxonomy_terms[${i}]`),
        ),
      ];
      expect(problems).toEqual([]);
      // The check can fail: a service without its required status is refused by the schema.
      const { status: _status, ...withoutStatus } = directory.services[0];
      expect(hsdsProblems('service', withoutStatus, 'services[0]')).toEqual([
        { path: 'services[0]', reason: "must have required property 'status'" },
      ]);
      // The hub's own vocabulary, published as a taxonomy with a stable URI.
      expect(directory.taxonomies).toEqual([
        expect.objectContaining({ uri: 'urn:task-force-hub:taxonomy:service-need', version: '1' }),
      ]);
      expect(directory.taxonomy_terms.map((t) => t.code)).toContain('VICTIM_ADVOCACY');
      const safePassage = DEMO_AGENCIES.find((a) => a.id === SAFE_PASSAGE);
      expect(text).toContain(must(safePassage?.address).street);
      expect(text).not.toContain(SECRET_STREET);
    });

    it('never exports a confidential location: no location, no address for Harbor Light; other agencies keep theirs', async () => {
      const { directory } = await exportedDirectory();
      expect(serviceOf(directory, HARBOR).service_at_locations).toEqual([]);
      expect(JSON.stringify(serviceOf(directory, HARBOR))).not.toMatch(/latitude|longitude|address_1/);
      expect(serviceOf(directory, SAFE_PASSAGE).service_at_locations).toHaveLength(1);
      const csv = await exported('CSV');
      expect(csv.files.map((f) => f.content).join('\n')).not.toContain(SECRET_STREET);
    });

    it('writes the tabular package: one CSV per table with the schema’s fields, and datapackage.json', async () => {
      const { files } = await exported('CSV', 'ngo.lead');
      expect(files.map((f) => f.path)).toEqual([
        'organizations.csv',
        'services.csv',
        'service_at_location.csv',
        'locations.csv',
        'addresses.csv',
        'phones.csv',
        'schedules.csv',
        'service_areas.csv',
        'languages.csv',
        'contacts.csv',
        'attributes.csv',
        'taxonomies.csv',
        'taxonomy_terms.csv',
        'datapackage.json',
      ]);
      const organizations = must(files.find((f) => f.path === 'organizations.csv'))
        .content.trim()
        .split('\r\n');
      expect(organizations[0].split(',').slice(0, 3)).toEqual(['id', 'name', 'alternate_name']);
      expect(organizations).toHaveLength(1 + DEMO_AGENCIES.length);
      const datapackage = JSON.parse(must(files.find((f) => f.path === 'datapackage.json')).content) as {
        resources: { path: string; schema: { fields: { name: string }[] } }[];
      };
      expect(datapackage.resources.map((r) => r.path)).toEqual(files.slice(0, -1).map((f) => f.path));
    });

    it.each([
      ['a caseworker', 'ngo.caseworker'],
      ['an auditor', 'tf.auditor'],
      ['the platform administrator', 'hub.admin'],
    ])('refuses %s (FORBIDDEN, audited); nothing else written', async (_who, user) => {
      const before = await hub.watermark();
      const response = await hub.gql(EXPORT, { taskForceId: TF }, { user });
      expect(codeOf(response)).toBe('FORBIDDEN');
      await expectOnlyDenied(hub, before, {
        user,
        action: 'EXPORT_DIRECTORY',
        subjectType: 'TaskForce',
        subjectId: TF,
      });
    });
  });

  describe('import', () => {
    it('round-trips: an export imported back changes nothing (all UNCHANGED), previewed or applied', async () => {
      const { text } = await exportedDirectory();
      const before = await hub.watermark();
      const previewed = must((await preview(text)).body.data).previewDirectoryImport;
      expect(previewed.problems).toEqual([]);
      expect(previewed.valid).toBe(true);
      expect(previewed.entries).toHaveLength(DEMO_AGENCIES.length);
      expect(previewed.entries.every((e) => e.status === 'UNCHANGED' && e.changedFields.length === 0)).toBe(
        true,
      );
      const applied = await apply(text);
      expect(applied.body.errors).toBeUndefined();
      expect(must(applied.body.data).applyDirectoryImport.entries.map((e) => e.status)).toEqual(
        previewed.entries.map(() => 'UNCHANGED'),
      );
      await expectNothingWritten(hub, before);
    });

    it('previews the change as a diff (writing nothing), then applies it, audited; the public directory shows it', async () => {
      const { directory } = await exportedDirectory();
      const service = serviceOf(directory, SAFE_PASSAGE);
      service.phones = [{ id: service.id, service_id: service.id, number: '+1 555 0177' }];
      service.languages = [
        ...service.languages,
        { id: directory.taxonomies[0].id, code: 'fr', name: 'French' },
      ];
      // A 211 may also send back fields the hub does not keep: ignored, never an error.
      Object.assign(service, { fees_description: 'Free' });
      const document = JSON.stringify(directory);

      const before = await hub.watermark();
      const previewed = must((await preview(document)).body.data).previewDirectoryImport;
      await expectNothingWritten(hub, before);
      expect(previewed.problems).toEqual([]);
      expect(previewed.entries.filter((e) => e.status === 'UPDATED')).toEqual([
        {
          organizationId: SAFE_PASSAGE,
          name: 'Safe Passage Legal Aid',
          status: 'UPDATED',
          changedFields: ['languages', 'intakePhone'],
        },
      ]);

      const applied = await apply(document);
      expect(applied.body.errors).toBeUndefined();
      expect(await hub.tablesWrittenSince(before)).toEqual(['agency']);
      expect(
        await rows(hub, 'SELECT intake_phone, languages FROM agency WHERE id = $1', [SAFE_PASSAGE]),
      ).toEqual([
        {
          intake_phone: '+1 555 0177',
          languages: [...(DEMO_AGENCIES.find((a) => a.id === SAFE_PASSAGE)?.languages ?? []), 'fr'],
        },
      ]);
      expect(
        await rows(
          hub,
          `SELECT action, actor_user_id, fields, subject_agency_ids FROM audit_event WHERE action = 'IMPORT_DIRECTORY'`,
        ),
      ).toEqual([
        {
          action: 'IMPORT_DIRECTORY',
          actor_user_id: demoUser('tf.coordinator').sub,
          fields: ['languages', 'intakePhone'],
          subject_agency_ids: [SAFE_PASSAGE],
        },
      ]);
      const search = await hub.gql<{ directory: { edges: { node: { id: string } }[] } }>(
        '{ directory(language: "fr") { edges { node { id } } } }',
      );
      expect(must(search.body.data).directory.edges.map((e) => e.node.id)).toEqual([SAFE_PASSAGE]);
    });

    it.each([
      [
        'a phone that is not a number',
        (d: Directory): unknown => (serviceOf(d, HARBOR).phones = [{ id: HARBOR, number: 'call us' }]),
        'services[*].phones[0].number',
      ],
      [
        'a language that is not an ISO 639-1 code',
        (d: Directory): unknown => (serviceOf(d, HARBOR).languages = [{ id: HARBOR, code: 'english' }]),
        'services[*].languages',
      ],
      [
        'an organization that is no agency of the task force',
        (d: Directory): unknown => {
          const stranger = '00000000-0000-4000-8000-000000000000';
          serviceOf(d, d.organizations[0].id).organization_id = stranger;
          return (d.organizations[0].id = stranger);
        },
        'organizations[0].id',
      ],
      [
        'an organization without its required name (the HSDS schema)',
        (d: Directory): unknown => delete (d.organizations[1] as Partial<Json>).name,
        'organizations[1]',
      ],
      [
        'an id that is not a uuid (the HSDS schema)',
        (d: Directory): unknown => (serviceOf(d, HARBOR).id = 'harbor-1'),
        'services[*].id',
      ],
      [
        'a taxonomy term the hub does not know',
        (d: Directory): unknown =>
          ((serviceOf(d, HARBOR).attributes as Json[])[0] = {
            id: HARBOR,
            taxonomy_term_id: '00000000-0000-4000-8000-000000000001',
          }),
        'services[*].attributes[0]',
      ],
    ] as const)('refuses %s with the row and reason; nothing is applied', async (_name, spoil, path) => {
      const { directory } = await exportedDirectory();
      // A valid change beside the bad row: it must not be applied either.
      serviceOf(directory, SAFE_PASSAGE).phones = [{ id: SAFE_PASSAGE, number: '+1 555 0100' }];
      spoil(directory);
      const harborIndex = directory.services.findIndex((s) => s.organization_id === HARBOR);
      const expectedPath = path.replace('*', String(harborIndex));
      const document = JSON.stringify(directory);

      const previewed = must((await preview(document)).body.data).previewDirectoryImport;
      expect(previewed.valid).toBe(false);
      expect(previewed.entries).toEqual([]);
      expect(previewed.problems).toEqual([{ path: expectedPath, reason: expect.any(String) }]);

      const before = await hub.watermark();
      const response = await apply(document);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.extensions?.problems).toEqual([
        { field: expectedPath, message: previewed.problems[0].reason },
      ]);
      await expectNothingWritten(hub, before);
    });

    it('refuses a document that is not JSON, or too large', async () => {
      const before = await hub.watermark();
      const notJson = await apply('{ organizations: ');
      expect(codeOf(notJson)).toBe('BAD_USER_INPUT');
      expect(notJson.body.errors?.[0]?.extensions?.problems).toEqual([
        { field: '$', message: 'is not JSON' },
      ]);
      expect(codeOf(await apply(' '.repeat(90_001)))).toBe('BAD_USER_INPUT');
      await expectNothingWritten(hub, before);
    });

    it('refuses callers who are not coordinators of the task force (FORBIDDEN, audited); nothing changes', async () => {
      const { directory } = await exportedDirectory();
      serviceOf(directory, SAFE_PASSAGE).phones = [{ id: SAFE_PASSAGE, number: '+1 555 0111' }];
      const document = JSON.stringify(directory);
      for (const user of ['ngo.lead', 'ngo.caseworker', 'hub.admin']) {
        for (const call of [() => preview(document, user), () => apply(document, { user })]) {
          const before = await hub.watermark();
          expect(codeOf(await call())).toBe('FORBIDDEN');
          await expectOnlyDenied(hub, before, {
            user,
            action: 'IMPORT_DIRECTORY',
            subjectType: 'TaskForce',
            subjectId: TF,
          });
        }
      }
      const other = await coordinatorOfNewTaskForce(hub, 'Riverbend');
      const before = await hub.watermark();
      expect(codeOf(await apply(document, { token: other.token }))).toBe('FORBIDDEN');
      expect(await hub.tablesWrittenSince(before)).toEqual([]);
      expect((await hub.auditEventsSince(before)).map((e) => e.decision)).toEqual(['DENIED']);
      const anonymous = await apply(document, {});
      expect(anonymous.status).toBe(401);
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      expect(await hub.tablesWrittenSince(before)).toEqual([]);
    });
  });
});
