import { Injectable } from '@nestjs/common';
import { Caller } from '@hub/auth';
import { AccessScope, capabilitiesOf } from '@hub/access';
import { AgencyService } from '../agency/agency.service';
import { AgencyType } from '../taxonomy/agency-type';
import { TaskForceService } from '../task-force/task-force.service';
import { hubRolesOf } from './hub-roles';
import { Me } from './me.model';

@Injectable()
export class CallerService {
  constructor(
    private readonly agencies: AgencyService,
    private readonly taskForces: TaskForceService,
  ) {}

  async me(scope: AccessScope, caller: Caller): Promise<Me> {
    const agencyId = scope.actor.agencyId;
    const [agency, memberships] = agencyId
      ? await Promise.all([
          this.agencies.get(scope, agencyId).catch(() => null),
          this.taskForces.membershipsOfAgency(scope, agencyId),
        ])
      : [null, []];
    const taskForces = await this.taskForces.getMany(
      scope,
      memberships.map((m) => m.taskForceId),
    );
    return {
      userId: caller.userId,
      username: caller.username,
      name: caller.name,
      email: caller.email,
      roles: hubRolesOf(caller.roles),
      capabilities: capabilitiesOf(scope.ability),
      agency,
      agencyType: (scope.actor.agencyType as AgencyType | null) ?? null,
      taskForces: memberships.flatMap((membership, index) => {
        const taskForce = taskForces[index];
        return taskForce instanceof Error ? [] : [{ taskForce, role: membership.role }];
      }),
    };
  }
}
