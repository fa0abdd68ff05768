/**
 * The agencies domain's query scope for task-force membership, for other domains' SQL (as the
 * consents lib exports `survivorSqlMap` for survivors): protocols join their audience through
 * these instead of reading `task_force_membership` and `agency` themselves. Each takes SQL
 * expressions of the caller's query (a column such as `p.task_force_id`, or a named parameter
 * such as `:taskForceId`) and returns an expression; none carries parameters of its own.
 */

/**
 * A relation `(agency_id, agency_name)`: the member agencies of the task force `taskForce` whose
 * agency type is in `audience` (a text[] of agency types). Served by task_force_membership's key.
 */
export function audienceMembersSql(taskForce: string, audience: string): string {
  return `SELECT m.agency_id, a.name AS agency_name
            FROM task_force_membership m JOIN agency a ON a.id = m.agency_id
           WHERE m.task_force_id = ${taskForce} AND a.type = ANY(${audience})`;
}

/** The same agencies as a uuid[] in id order (for a column of a record's row). */
export function audienceAgenciesSql(taskForce: string, audience: string): string {
  return `ARRAY(SELECT s.agency_id FROM (${audienceMembersSql(taskForce, audience)}) s ORDER BY s.agency_id)`;
}

/** True when the agency `agency` is a member of the task force `taskForce`. */
export function taskForceMemberSql(taskForce: string, agency: string): string {
  return `EXISTS (SELECT 1 FROM task_force_membership m WHERE m.task_force_id = ${taskForce} AND m.agency_id = ${agency})`;
}

/** True when the task force `taskForce` exists. */
export function taskForceExistsSql(taskForce: string): string {
  return `EXISTS (SELECT 1 FROM task_force tf WHERE tf.id = ${taskForce})`;
}

/** The agency's name (for ordering lists of agencies by name). */
export function agencyNameSql(agency: string): string {
  return `(SELECT a.name FROM agency a WHERE a.id = ${agency})`;
}

/**
 * True when the agency `agency` is on the hub: not deactivated (`agency.deactivated_at`). Nothing
 * is addressed to an agency taken off the hub (its users are refused at sign-in): no notification,
 * no reminder, no e-mail. Served by agency's primary key.
 */
export function agencyOnHubSql(agency: string): string {
  return `EXISTS (SELECT 1 FROM agency oh WHERE oh.id = ${agency} AND oh.deactivated_at IS NULL)`;
}

/**
 * A row `(agency_name, intake_email, notification_language)` of the agency `agency`: whom the
 * hub e-mails about it and in which language (the worker joins it LATERAL). No row for an agency
 * taken off the hub: nobody is e-mailed for it.
 */
export function agencyMailingSql(agency: string): string {
  return `SELECT a.name AS agency_name, a.intake_email, a.notification_language
            FROM agency a WHERE a.id = ${agency} AND a.deactivated_at IS NULL`;
}
