import { liveConsentGrantSql } from '@hub/consents';
import { defineLifecycle } from '@hub/workflow';
import { effectiveStatus } from './referral-lifecycle';
import { ReferralStatus as S } from './referral.enums';
import { ReferralEntity } from './referral.entity';

/**
 * What the hub's own moves read of a referral: enough for the kernel's guarded UPDATE
 * (id, version, stored status), its parties and its effective status.
 */
export interface OpenReferral {
  id: string;
  version: number;
  status: string;
  fromAgencyId: string;
  toAgencyId: string;
  responseDueAt: Date | null;
  consentId: string | null;
  /** The consent (if any) still gives the recipient a live grant at the moment read. */
  consentLive: boolean;
}

/** The statuses a referral is open in at its recipient (a draft was never the recipient's). */
export const RECEIVED_OPEN = [S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD];

/** Waiting for the recipient's answer: the statuses a referral expires from (DESIGN §3). */
export const AWAITING_ANSWER = [S.SENT, S.ACKNOWLEDGED];

/**
 * The moves the hub makes on its own account; no caller makes them, so they are not in
 * REFERRAL_LIFECYCLE's table of actions (which the policy and its property tests walk):
 * - `handBack`: a referral open at an agency taken off the hub goes back to its sender as DECLINED
 *   (ReferralHandBack), also one accepted or in progress, since nobody there can work on it;
 * - `expire`: a referral that got no answer before its deadline, or whose consent stopped covering
 *   the recipient first, is recorded EXPIRED (ReferralExpiry) — what reads already show.
 */
export const HUB_REFERRAL_MOVES = defineLifecycle<S, 'handBack' | 'expire'>('Referral', {
  handBack: { from: RECEIVED_OPEN, to: S.DECLINED },
  expire: { from: AWAITING_ANSWER, to: S.EXPIRED },
});

/** The referral as the kernel's `changeWithin` sees it for a hub move. */
export const hubReferralType = {
  lifecycle: HUB_REFERRAL_MOVES,
  entity: ReferralEntity,
  agencies: (row: OpenReferral) => [row.fromAgencyId, row.toAgencyId],
};

/** The effective status of a row read with `openReferralColumns` at `now` (the on-read rule). */
export function effectiveStatusOf(row: OpenReferral, now: Date): S {
  return effectiveStatus(
    { status: row.status as S, responseDueAt: row.responseDueAt, consentId: row.consentId },
    row.consentLive,
    now,
  );
}

/** SQL for "the referral `r` has no consent, or its consent still covers the recipient at `:now`". */
export const CONSENT_LIVE_SQL = `(r.consent_id IS NULL OR ${liveConsentGrantSql('r.consent_id', 'r.to_agency_id')})`;

/** The select list of an OpenReferral from `referral r`, its consent judged live at `:now`. */
export const OPEN_REFERRAL_COLUMNS = `r.id, r.version, r.status, r.from_agency_id AS "fromAgencyId", r.to_agency_id AS "toAgencyId",
          r.response_due_at AS "responseDueAt", r.consent_id AS "consentId",
          ${CONSENT_LIVE_SQL} AS "consentLive"`;
