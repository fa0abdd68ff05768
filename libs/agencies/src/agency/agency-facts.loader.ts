import { Injectable } from '@nestjs/common';
import { Caller } from '@hub/auth';
import { ActorFacts, ActorFactsLoader } from '@hub/authz';
import { TaskForceRepository } from '../task-force/task-force.repository';
import { UUID_PATTERN } from '@hub/graphql';

/** Tells the policy whether the caller's agency is registered, its type and task forces (one query per request). */
@Injectable()
export class AgencyFactsLoader implements ActorFactsLoader {
  constructor(private readonly taskForces: TaskForceRepository) {}

  async load(caller: Caller): Promise<ActorFacts> {
    if (!caller.agencyId || !UUID_PATTERN.test(caller.agencyId))
      return { agencyRegistered: false, agencyType: null, taskForceIds: [] };
    return this.taskForces.agencyFacts(caller.agencyId);
  }
}
