/**
 * Per subject type of a notification, SQL for the facts its e-mail may carry (NoticeFacts, as a
 * jsonb expression) given the subject id as a text expression. The owning domains export these
 * query scopes (e.g. `referralNoticeFactsSql` in @hub/referrals); the worker app binds them, as
 * the notifications domain cannot import the domains that import it.
 */
export type NoticeFactsSql = Readonly<Record<string, (subjectId: string) => string>>;

export const NOTICE_FACTS = Symbol.for('hub.notifications.noticeFacts');
