import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';

export enum DirectoryExportFormat {
  JSON = 'JSON',
  CSV = 'CSV',
}
registerEnumType(DirectoryExportFormat, {
  name: 'DirectoryExportFormat',
  description:
    'JSON: one HSDS 3.0 JSON document. CSV: the HSDS tabular data package (one CSV per table + datapackage.json)',
});

@ArgsType()
export class DirectoryExportArgs {
  @Field(() => ID)
  @IsUUID()
  taskForceId: string;

  @Field(() => DirectoryExportFormat, { defaultValue: DirectoryExportFormat.JSON })
  @IsEnum(DirectoryExportFormat)
  format: DirectoryExportFormat = DirectoryExportFormat.JSON;
}

@ObjectType({ description: 'One file of an export, as text' })
export class DirectoryExportFile {
  @Field({ description: 'Its name in the package, e.g. services.csv' })
  path: string;

  @Field()
  mediaType: string;

  @Field()
  content: string;
}

@ObjectType({ description: "A task force's directory in Open Referral HSDS (docs/hsds.md)" })
export class DirectoryExport {
  @Field(() => ID)
  taskForceId: string;

  @Field(() => DirectoryExportFormat)
  format: DirectoryExportFormat;

  @Field()
  hsdsVersion: string;

  @Field(() => [DirectoryExportFile])
  files: DirectoryExportFile[];
}

/** The largest document an import takes (the request body limit is 100 kB). */
export const MAX_IMPORT_DOCUMENT = 90_000;

@InputType()
export class DirectoryImportInput {
  @Field(() => ID)
  @IsUUID()
  taskForceId: string;

  @Field({
    description: `An HSDS 3.0 JSON document as directoryExport writes it (at most ${MAX_IMPORT_DOCUMENT} characters)`,
  })
  @IsString()
  @MaxLength(MAX_IMPORT_DOCUMENT)
  document: string;
}

export enum DirectoryImportStatus {
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(DirectoryImportStatus, { name: 'DirectoryImportStatus' });

@ObjectType({ description: "What an import does to one organization (an agency's directory entry)" })
export class DirectoryImportEntry {
  @Field(() => ID, { description: "The organization's id: the agency's id" })
  organizationId: string;

  @Field()
  name: string;

  @Field(() => DirectoryImportStatus)
  status: DirectoryImportStatus;

  @Field(() => [String], { description: 'The directory fields the import changes' })
  changedFields: string[];
}

@ObjectType({ description: 'A row the import refuses: where in the document, and why' })
export class DirectoryImportProblem {
  @Field({ description: 'A JSON path into the document, e.g. services[0].phones[0].number' })
  path: string;

  @Field()
  reason: string;
}

@ObjectType()
export class DirectoryImportPreview {
  @Field({ description: 'True when applyDirectoryImport would apply it (no problems)' })
  valid: boolean;

  @Field(() => [DirectoryImportEntry])
  entries: DirectoryImportEntry[];

  @Field(() => [DirectoryImportProblem])
  problems: DirectoryImportProblem[];
}

@ObjectType()
export class ApplyDirectoryImportPayload {
  @Field(() => [DirectoryImportEntry])
  entries: DirectoryImportEntry[];
}
