import { Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentUser } from '@hub/auth';
import { Access, AccessScope, Can } from '@hub/access';
import { CallerService } from './caller.service';
import { Me } from './me.model';

@Resolver(() => Me)
export class CallerResolver {
  constructor(private readonly callers: CallerService) {}

  // Open to every caller: the policy lets anyone read agencies, and `me` is mostly the caller's agency.
  @Can('read', 'Agency')
  @Query(() => Me, { description: 'The caller: user, agency, agency type, roles, task forces' })
  me(@Access() scope: AccessScope, @CurrentUser() caller: Caller): Promise<Me> {
    return this.callers.me(scope, caller);
  }
}
