import { Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentUser } from '@hub/auth';
import { Access, AccessScope } from '@hub/access';
import { CallerService } from './caller.service';
import { Me } from './me.model';

@Resolver(() => Me)
export class CallerResolver {
  constructor(private readonly callers: CallerService) {}

  @Query(() => Me, { description: 'The caller: user, agency, agency type, roles, task forces' })
  me(@Access() scope: AccessScope, @CurrentUser() caller: Caller): Promise<Me> {
    return this.callers.me(scope, caller);
  }
}
