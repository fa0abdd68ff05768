import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { requestOf } from '@hub/auth';
import { ACCESS_KEY } from './access';
import { AuthzService } from './authz.service';

/** Global guard: resolves the caller's actor and ability once per request, for @Access(). */
@Injectable()
export class AuthzGuard implements CanActivate {
  constructor(private readonly authz: AuthzService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const [actor, ability] = await Promise.all([this.authz.actorFor(req), this.authz.abilityFor(req)]);
    (req as unknown as Record<string, unknown>)[ACCESS_KEY] = { actor, ability };
    return true;
  }
}
