import { registerEnumType } from '@nestjs/graphql';
import { AppAbility, subject } from '@hub/access';
import { BreakGlassSession } from './break-glass.model';

/** What a caller may do to a break-glass session: each is one mutation. */
export enum BreakGlassSessionAction {
  /** endBreakGlass: while it is open. */
  END = 'END',
  /** reviewBreakGlass: once. */
  REVIEW = 'REVIEW',
}
registerEnumType(BreakGlassSessionAction, {
  name: 'BreakGlassSessionAction',
  description:
    'A mutation the caller may make on a break-glass session now: endBreakGlass (END), reviewBreakGlass (REVIEW)',
});

/**
 * The acts the policy allows this caller on this session now, and its state admits: the same
 * judgement as the mutations (which answer CONFLICT for a session that ended or was reviewed
 * meanwhile), from the session already loaded.
 */
export function breakGlassSessionActions(
  ability: AppAbility,
  session: Pick<
    BreakGlassSession,
    'ownerAgencyId' | 'agencyId' | 'openedBy' | 'endedAt' | 'expiresAt' | 'reviewedAt'
  >,
  now: Date,
): BreakGlassSessionAction[] {
  const record = subject('BreakGlass', {
    ownerAgencyId: session.ownerAgencyId,
    agencyId: session.agencyId,
    openedBy: session.openedBy,
  });
  const actions: BreakGlassSessionAction[] = [];
  const open = session.endedAt === null && session.expiresAt.getTime() > now.getTime();
  if (open && ability.can('end', record)) actions.push(BreakGlassSessionAction.END);
  if (session.reviewedAt === null && ability.can('review', record))
    actions.push(BreakGlassSessionAction.REVIEW);
  return actions;
}
