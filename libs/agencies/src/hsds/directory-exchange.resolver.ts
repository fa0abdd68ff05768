import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessScope, Can } from '@hub/access';
import {
  ApplyDirectoryImportPayload,
  DirectoryExport,
  DirectoryExportArgs,
  DirectoryImportInput,
  DirectoryImportPreview,
} from './directory-exchange.model';
import { DirectoryExchangeService } from './directory-exchange.service';

@Resolver()
export class DirectoryExchangeResolver {
  constructor(private readonly service: DirectoryExchangeService) {}

  @Can('export', 'Directory')
  @Query(() => DirectoryExport, {
    description:
      "The task force's directory in Open Referral HSDS 3.0, as JSON or as the tabular CSV package; confidential locations are never in it",
  })
  directoryExport(@Access() scope: AccessScope, @Args() args: DirectoryExportArgs): Promise<DirectoryExport> {
    return this.service.export(scope, args.taskForceId, args.format);
  }

  @Can('import', 'Directory')
  @Query(() => DirectoryImportPreview, {
    description:
      'What importing an HSDS document would change (per organization), or the rows it refuses; changes nothing',
  })
  previewDirectoryImport(
    @Access() scope: AccessScope,
    @Args('input') input: DirectoryImportInput,
  ): Promise<DirectoryImportPreview> {
    return this.service.preview(scope, input);
  }

  @Can('import', 'Directory')
  @Mutation(() => ApplyDirectoryImportPayload, {
    description:
      "Applies an HSDS document to the task force's agencies' directory entries in one transaction; any invalid row: BAD_USER_INPUT and nothing applied",
  })
  async applyDirectoryImport(
    @Access() scope: AccessScope,
    @Args('input') input: DirectoryImportInput,
  ): Promise<ApplyDirectoryImportPayload> {
    return { entries: await this.service.apply(scope, input) };
  }
}
