import { HsdsDirectory } from './hsds-document';
import { HsdsObject, hsdsTable, HsdsTable, nestedObject } from './hsds-schema';

/** One file of an export: its name in the package, media type and text. */
export interface ExportFile {
  path: string;
  mediaType: string;
  content: string;
}

/** The tables the hub fills, in the tabular package's order (parents before children). */
const TABLES: HsdsObject[] = [
  'organization',
  'service',
  'service_at_location',
  'location',
  'address',
  'phone',
  'schedule',
  'service_area',
  'language',
  'contact',
  'attribute',
  'taxonomy',
  'taxonomy_term',
];

/**
 * The HSDS tabular data package: one CSV per table (RFC 4180, a header row of the object's scalar
 * fields in HSDS order) and a datapackage.json describing them. Nested objects of the JSON form
 * become rows of their own table; the foreign keys are already on them (service_id, location_id…).
 */
export function toTabularPackage(directory: HsdsDirectory): ExportFile[] {
  const rows = new Map<HsdsObject, Map<string, Record<string, unknown>>>(TABLES.map((t) => [t, new Map()]));
  const collect = (object: HsdsObject, value: Record<string, unknown>) => {
    rows.get(object)?.set(String(value.id), value);
    for (const [field, nested] of Object.entries(value)) {
      const child = nestedObject(object, field);
      if (!child) continue;
      for (const item of Array.isArray(nested) ? nested : [nested])
        if (item && typeof item === 'object') collect(child, item as Record<string, unknown>);
    }
  };
  directory.organizations.forEach((o) => collect('organization', o));
  directory.services.forEach((s) => collect('service', s));
  directory.taxonomies.forEach((t) => collect('taxonomy', t));
  directory.taxonomy_terms.forEach((t) => collect('taxonomy_term', t));

  const tables = TABLES.map(hsdsTable);
  const files = tables.map((table) => ({
    path: table.path,
    mediaType: 'text/csv',
    content: toCsv(table, [...(rows.get(table.object)?.values() ?? [])]),
  }));
  return [
    ...files,
    { path: 'datapackage.json', mediaType: 'application/json', content: datapackage(tables) },
  ];
}

function toCsv(table: HsdsTable, rows: Record<string, unknown>[]): string {
  const lines = [table.columns.map((column) => csvField(column.name))];
  for (const row of rows) lines.push(table.columns.map((column) => csvField(row[column.name])));
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function datapackage(tables: HsdsTable[]): string {
  return JSON.stringify(
    {
      profile: 'tabular-data-package',
      name: 'task-force-hub-directory',
      title: 'Task force directory (Open Referral HSDS 3.0)',
      resources: tables.map((table) => ({
        name: table.object,
        path: table.path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: { fields: table.columns, primaryKey: 'id' },
      })),
    },
    null,
    2,
  );
}
