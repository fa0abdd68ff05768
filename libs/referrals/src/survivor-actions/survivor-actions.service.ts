import { Injectable } from '@nestjs/common';
import { AccessScope } from '@hub/access';
import { Clock } from '@hub/config';
import { AccessGrantService } from '@hub/consents';
import { Transactions } from '@hub/database';
import { BreakGlassRepository } from '../break-glass/break-glass.repository';
import { SurvivorAction, survivorActions } from './survivor-actions';

/**
 * The survivor actions of several records at once (a DataLoader's batch): two statements whatever
 * their number, the facts of the records and the agencies party to referrals about them. Only a
 * list of actions leaves here, never a fact.
 */
@Injectable()
export class SurvivorActionsService {
  constructor(
    private readonly grants: AccessGrantService,
    private readonly breakGlass: BreakGlassRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async forSurvivors(scope: AccessScope, survivorIds: readonly string[]): Promise<SurvivorAction[][]> {
    const now = this.clock.now();
    const reader = this.transactions.reader;
    const [facts, parties] = await Promise.all([
      this.grants.survivorFactsMany(reader, survivorIds, now),
      this.breakGlass.referralPartiesOf(survivorIds, reader),
    ]);
    return survivorIds.map((id) => {
      const found = facts.get(id);
      if (!found) return [];
      return survivorActions(scope.ability, {
        id,
        ownerAgencyId: found.ownerAgencyId,
        minor: found.minor,
        liveGrants: found.liveGrants,
        referralPartyAgencyIds: parties.get(id) ?? [],
        revokedForAgencyIds: found.revokedForAgencyIds,
      });
    });
  }
}
