import { isDay } from '../forms/patterns';
import type { AuditDecision, AuditEventFilter } from '../gql/graphql';

/** The audit screen's filter as typed: every field optional, days as YYYY-MM-DD in the reader's time zone. */
export interface AuditFilterValues {
  action: string;
  subjectType: string;
  subjectId: string;
  actorUserId: string;
  agencyId: string;
  decision: AuditDecision | '';
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterValues = {
  action: '',
  subjectType: '',
  subjectId: '',
  actorUserId: '',
  agencyId: '',
  decision: '',
  from: '',
  to: '',
};

export const AUDIT_DECISIONS: readonly AuditDecision[] = ['ALLOWED', 'DENIED'];

/** The API's shapes (AuditEventFilter): an action name such as READ_SURVIVOR, a type name such as Survivor. */
const ACTION = /^[A-Z_]{1,64}$/;
const SUBJECT_TYPE = /^[A-Za-z]{1,64}$/;
const MAX_ID = 128;

/** A calendar day typed as YYYY-MM-DD: its parts, or null when there is no such day (30 February). */
function calendarDay(typed: string): [number, number, number] | null {
  if (!isDay(typed)) return null;
  const [year, month, day] = typed.split('-').map(Number);
  return [year, month, day];
}

/**
 * The start of a day in the reader's time zone (the browser's), as an instant: an auditor asking
 * for 3 March means their 3 March, not UTC's.
 */
function localDayStart([year, month, day]: [number, number, number], plusDays = 0): string {
  return new Date(year, month - 1, day + plusDays).toISOString();
}

/** The action as the API names it: typed in any case, spaces as underscores. */
export const normaliseAction = (typed: string) => typed.trim().toUpperCase().replace(/\s+/g, '_');

/** Field → the key of its message; empty when the filter may be applied. Same limits as the API. */
export function validateAuditFilter(values: AuditFilterValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const action = normaliseAction(values.action);
  if (action && !ACTION.test(action)) errors['action'] = 'audit.filter.actionFormat';
  const subjectType = values.subjectType.trim();
  if (subjectType && !SUBJECT_TYPE.test(subjectType))
    errors['subjectType'] = 'audit.filter.subjectTypeFormat';
  if (values.subjectId.trim().length > MAX_ID) errors['subjectId'] = 'form.tooLong';
  if (values.actorUserId.trim().length > MAX_ID) errors['actorUserId'] = 'form.tooLong';
  const from = values.from.trim() ? calendarDay(values.from.trim()) : null;
  const to = values.to.trim() ? calendarDay(values.to.trim()) : null;
  if (values.from.trim() && !from) errors['from'] = 'form.date';
  if (values.to.trim() && !to) errors['to'] = 'form.date';
  if (from && to && values.from.trim() > values.to.trim()) errors['to'] = 'audit.filter.toBeforeFrom';
  return errors;
}

/**
 * auditEvents' filter from valid values: blanks left out, `to` through the end of its day (the API's
 * `to` is exclusive, so it is the start of the next day).
 */
export function auditFilterInput(values: AuditFilterValues): AuditEventFilter {
  const filter: AuditEventFilter = {};
  const action = normaliseAction(values.action);
  if (action) filter.action = action;
  if (values.subjectType.trim()) filter.subjectType = values.subjectType.trim();
  if (values.subjectId.trim()) filter.subjectId = values.subjectId.trim();
  if (values.actorUserId.trim()) filter.actorUserId = values.actorUserId.trim();
  if (values.agencyId) filter.agencyId = values.agencyId;
  if (values.decision) filter.decision = values.decision;
  const from = calendarDay(values.from.trim());
  const to = calendarDay(values.to.trim());
  if (from) filter.from = localDayStart(from);
  if (to) filter.to = localDayStart(to, 1);
  return filter;
}

/**
 * The export's file name: the date range only, never a filter value that could name a person or a
 * record (a subject id, an actor). An open end reads `start`, or the day of the export.
 */
export function csvFileName(values: AuditFilterValues, today: string): string {
  const from = calendarDay(values.from.trim()) ? values.from.trim() : 'start';
  const to = calendarDay(values.to.trim()) ? values.to.trim() : today;
  return `audit-events_${from}_to_${to}.csv`;
}

/** A date as YYYY-MM-DD in the reader's time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
