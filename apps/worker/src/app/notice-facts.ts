import { protocolNoticeFactsSql } from '@hub/protocols';
import { survivorNoticeFactsSql } from '@hub/consents';
import { NoticeFactsSql } from '@hub/notifications';
import { breakGlassNoticeFactsSql, referralNoticeFactsSql } from '@hub/referrals';
import { technicalAssistanceNoticeFactsSql } from '@hub/technical-assistance';

/**
 * What an e-mail may say about each kind of record a notification is about: the owning domains'
 * query scopes (pseudonymous reference, agency names, urgency, a protocol title; never a personal
 * field), gathered here because the notifications domain cannot import the domains that import it.
 */
export const noticeFacts: NoticeFactsSql = {
  Referral: referralNoticeFactsSql,
  BreakGlass: breakGlassNoticeFactsSql,
  Survivor: survivorNoticeFactsSql,
  Protocol: protocolNoticeFactsSql,
  TechnicalAssistanceRequest: technicalAssistanceNoticeFactsSql,
};
