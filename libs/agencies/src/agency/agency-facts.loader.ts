import { Inject, Injectable, Logger } from '@nestjs/common';
import { Caller } from '@hub/auth';
import { ActorFacts, ActorFactsLoader } from '@hub/authz';
import { Clock } from '@hub/config';
import { UUID_PATTERN } from '@hub/graphql';
import { AgencyUserRepository, CallerFacts, Sighting } from '../agency-user/agency-user.repository';
import { sightingConfig, SightingConfig } from '../agency-user/sighting.config';
import { hubRolesOf } from '../caller/hub-roles';

/**
 * Tells the policy whether the caller's agency is registered and active, whether the caller is
 * suspended, the agency's type and task forces (one query per request). An admitted caller is also
 * recorded as seen for their agency — one upsert per user per USER_SIGHTING_INTERVAL_SECONDS, or at once when
 * their name, roles or agency changed — so agency admins list their users without a write per request.
 */
@Injectable()
export class AgencyFactsLoader implements ActorFactsLoader {
  private readonly logger = new Logger(AgencyFactsLoader.name);

  constructor(
    private readonly users: AgencyUserRepository,
    private readonly clock: Clock,
    @Inject(sightingConfig.token) private readonly config: SightingConfig,
  ) {}

  async load(caller: Caller): Promise<ActorFacts> {
    if (!caller.agencyId || !UUID_PATTERN.test(caller.agencyId))
      return { agencyRegistered: false, agencyType: null, taskForceIds: [] };
    const { lastSighting, ...facts } = await this.users.callerFacts(caller.agencyId, caller.userId);
    if (facts.agencyRegistered && !facts.agencyDeactivated && !facts.userSuspended) {
      await this.sightIfDue(caller, caller.agencyId, lastSighting);
    }
    return facts;
  }

  private async sightIfDue(
    caller: Caller,
    agencyId: string,
    last: CallerFacts['lastSighting'],
  ): Promise<void> {
    const now = this.clock.now();
    const seen: Sighting = {
      userId: caller.userId,
      agencyId,
      username: caller.username.slice(0, 255),
      name: caller.name?.slice(0, 255) ?? null,
      email: caller.email && caller.email.length <= 254 ? caller.email : null,
      roles: hubRolesOf(caller.roles),
    };
    const interval = this.config.USER_SIGHTING_INTERVAL_SECONDS * 1000;
    if (last && !changed(last, seen) && now.getTime() - last.lastSeenAt.getTime() < interval) return;
    try {
      await this.users.sight(seen, now);
    } catch (error) {
      // Bookkeeping: a lost sighting must not refuse an admitted caller.
      this.logger.warn(`could not record a sighting: ${(error as Error).message}`);
    }
  }
}

function changed(last: Sighting, seen: Sighting): boolean {
  return (
    last.agencyId !== seen.agencyId ||
    last.username !== seen.username ||
    last.name !== seen.name ||
    last.email !== seen.email ||
    last.roles.join(' ') !== seen.roles.join(' ')
  );
}
