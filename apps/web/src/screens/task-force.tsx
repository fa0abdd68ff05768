import { useMutation, useQuery } from '@apollo/client/react';
import { ButtonGroup, Table } from '@trussworks/react-uswds';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField } from '../forms/fields';
import { useAnnouncement } from '../focus';
import { graphql } from '../gql';
import type { AgencyType, TaskForceMembersQuery, TaskForceRole } from '../gql/graphql';
import type { InputProblem } from '../graphql/errors';
import { formatDateTime } from '../i18n';
import { Announcement, Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { ActionToggle, useActionChoice } from './action-choice';
import { AGENCY_TYPES, TASK_FORCE_ROLES } from './enums';
import { ActionFormFrame, useActionForm } from './record-actions';

export const TASK_FORCE_QUERY = graphql(`
  query TaskForceMembers {
    me {
      userId
      taskForces {
        role
        taskForce {
          id
          name
          jurisdiction
          description
          availableActions
          members {
            taskForceId
            agencyId
            role
            version
            joinedAt
            availableActions
            agency {
              id
              name
              type
              status
            }
          }
        }
      }
    }
  }
`);

/** Agencies that could join: one page of up to 100, narrowed by kind (the API has no name search). */
export const MEMBER_CANDIDATES = graphql(`
  query TaskForceCandidates($type: AgencyType) {
    agencies(type: $type, first: 100) {
      edges {
        node {
          id
          name
          type
          status
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const ADD_MEMBER = graphql(`
  mutation AddTaskForceMember($input: AddTaskForceMemberInput!) {
    addTaskForceMember(input: $input) {
      member {
        taskForceId
        agencyId
        role
        version
      }
    }
  }
`);

export const UPDATE_MEMBER = graphql(`
  mutation UpdateTaskForceMember($input: UpdateTaskForceMemberInput!) {
    updateTaskForceMember(input: $input) {
      member {
        taskForceId
        agencyId
        role
        version
      }
    }
  }
`);

export const REMOVE_MEMBER = graphql(`
  mutation RemoveTaskForceMember($input: RemoveTaskForceMemberInput!) {
    removeTaskForceMember(input: $input) {
      taskForceId
      agencyId
    }
  }
`);

type CallerTaskForce = TaskForceMembersQuery['me']['taskForces'][number]['taskForce'];
type Member = CallerTaskForce['members'][number];

export interface MemberValues {
  agencyId: string;
  role: TaskForceRole | '';
}

/** Field → message key; empty when the membership may be sent. */
export function validateMember(values: MemberValues, current?: TaskForceRole): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.agencyId) errors['agencyId'] = 'form.chooseOne';
  if (!values.role) errors['role'] = 'form.chooseOne';
  else if (current && values.role === current) errors['role'] = 'taskForce.sameRole';
  return errors;
}

/** A refusal of the agency or the role is said at its field: its rule when the API gave one, else a general word. */
const MEMBER_REFUSALS = {
  fields: ['agencyId', 'role'],
  problemKey: (_field: string, problem: InputProblem) =>
    problem.reason ? `taskForce.problem.${problem.reason}` : 'taskForce.refused',
} as const;

/** The member forms' element: one per task force (a person may manage two). */
const memberFormId = (taskForceId: string) => `member-form-${taskForceId}`;

/** The member action whose form is open: adding, or changing or removing one agency. */
type MemberAction = 'add' | `update-${string}` | `remove-${string}`;

/** What a change to the members did, announced on the screen (agency by name, role by value). */
type MemberChange =
  | { kind: 'added' | 'roleChanged'; agency: string; role: TaskForceRole }
  | { kind: 'removed'; agency: string }
  | { kind: 'conflict' };

function changeHeading(change: Exclude<MemberChange, { kind: 'conflict' }>, t: TFunction): string {
  if (change.kind === 'removed') return t('taskForce.removed', { agency: change.agency });
  return t(`taskForce.${change.kind}`, { agency: change.agency, role: t(`taskForceRole.${change.role}`) });
}

/**
 * The caller's task forces and their member agencies (kind, role in the task force, since when).
 * A task force's coordinators add members and change or remove them, as the API lists it for each
 * (`availableActions`: never their own agency's removal); nobody else sees those buttons.
 */
export function TaskForceScreen() {
  const { t } = useTranslation();
  usePageTitle(t('taskForce.title'));
  const { data, error, loading, refetch } = useQuery(TASK_FORCE_QUERY, { fetchPolicy: 'cache-and-network' });
  const flash = useAnnouncement<MemberChange>(null);

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error && !data) return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  const taskForces = data?.me.taskForces ?? [];
  const afterChange = async (change: MemberChange) => {
    flash.announce(null);
    await refetch().catch(() => undefined);
    flash.announce(change);
  };

  return (
    <>
      <h1>{t('taskForce.title')}</h1>
      <Announcement of={flash}>
        {(change) =>
          change.kind === 'conflict' ? (
            <Notice type="warning" heading={t('taskForce.conflictHeading')} text={t('taskForce.conflict')} />
          ) : (
            <Notice type="info" heading={changeHeading(change, t)} />
          )
        }
      </Announcement>
      {taskForces.length === 0 && <p>{t('taskForce.none')}</p>}
      {taskForces.map(({ role, taskForce }) => (
        <TaskForceMembers
          key={taskForce.id}
          taskForce={taskForce}
          myRole={role}
          onChanged={(message) => void afterChange(message)}
        />
      ))}
    </>
  );
}

function TaskForceMembers(props: {
  taskForce: CallerTaskForce;
  myRole: TaskForceRole;
  onChanged: (change: MemberChange) => void;
}) {
  const { t, i18n } = useTranslation();
  const { taskForce } = props;
  const choice = useActionChoice<MemberAction>({
    // Per task force: an agency may be a member of two listed on the screen.
    button: (action) => `${action === 'add' ? 'add-member' : action}-in-${taskForce.id}`,
    form: () => memberFormId(taskForce.id),
  });
  const members = [...taskForce.members].sort((a, b) =>
    a.agency.name.localeCompare(b.agency.name, i18n.language),
  );
  const canAdd = taskForce.availableActions.includes('ADD_MEMBER');
  const anyActions = members.some((member) => member.availableActions.length > 0);
  const headingId = `task-force-${taskForce.id}`;
  const done = (change: MemberChange) => {
    choice.close();
    props.onChanged(change);
  };
  const conflict = () => done({ kind: 'conflict' });
  const open = choice.open;
  const opened = members.find((m) => open === `update-${m.agencyId}` || open === `remove-${m.agencyId}`);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{taskForce.name}</h2>
      <p>
        {taskForce.jurisdiction}
        {taskForce.description && ` — ${taskForce.description}`}
      </p>
      <p>{t('taskForce.myRole', { role: t(`taskForceRole.${props.myRole}`) })}</p>
      {canAdd && (
        <ActionToggle choice={choice} action="add">
          {t('taskForce.add')}
        </ActionToggle>
      )}
      {open === 'add' && (
        <AddMemberForm
          taskForce={taskForce}
          onCancel={() => choice.cancel('add')}
          onDone={(agency, role) => done({ kind: 'added', agency, role })}
        />
      )}
      <Table fullWidth striped>
        <caption>{t('taskForce.caption', { name: taskForce.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('taskForce.agency')}</th>
            <th scope="col">{t('taskForce.kind')}</th>
            <th scope="col">{t('taskForce.role')}</th>
            <th scope="col">{t('taskForce.since')}</th>
            {anyActions && <th scope="col">{t('taskForce.manage')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.agencyId}>
              <th scope="row">
                <Link className="usa-link" to={`/agencies/${member.agencyId}`}>
                  {member.agency.name}
                </Link>
                {member.agency.status === 'DEACTIVATED' && ` (${t('taskForce.deactivated')})`}
              </th>
              <td>{t(`agencyType.${member.agency.type}`)}</td>
              <td>{t(`taskForceRole.${member.role}`)}</td>
              <td>{formatDateTime(member.joinedAt, i18n.language)}</td>
              {anyActions && (
                <td>
                  <ButtonGroup type="default">
                    {member.availableActions.includes('UPDATE') && (
                      <ActionToggle
                        choice={choice}
                        action={`update-${member.agencyId}`}
                        look="row"
                        name={t('taskForce.changeRoleOf', { agency: member.agency.name })}
                      >
                        {t('taskForce.changeRole')}
                      </ActionToggle>
                    )}
                    {member.availableActions.includes('REMOVE') && (
                      <ActionToggle
                        choice={choice}
                        action={`remove-${member.agencyId}`}
                        look="row"
                        name={t('taskForce.removeAgency', { agency: member.agency.name })}
                      >
                        {t('taskForce.remove')}
                      </ActionToggle>
                    )}
                  </ButtonGroup>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      {opened && open === `update-${opened.agencyId}` && (
        <ChangeRoleForm
          key={opened.agencyId}
          member={opened}
          onCancel={() => choice.cancel(`update-${opened.agencyId}`)}
          onConflict={conflict}
          onDone={(role) => done({ kind: 'roleChanged', agency: opened.agency.name, role })}
        />
      )}
      {opened && open === `remove-${opened.agencyId}` && (
        <RemoveMemberForm
          key={opened.agencyId}
          member={opened}
          taskForceName={taskForce.name}
          onCancel={() => choice.cancel(`remove-${opened.agencyId}`)}
          onConflict={conflict}
          onDone={() => done({ kind: 'removed', agency: opened.agency.name })}
        />
      )}
    </section>
  );
}

/** Adds an agency with a role: agencies already members, or taken off the hub, are not offered. */
export function AddMemberForm(props: {
  taskForce: CallerTaskForce;
  onCancel: () => void;
  onDone: (agencyName: string, role: TaskForceRole) => void;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<AgencyType | ''>('');
  const { data } = useQuery(MEMBER_CANDIDATES, {
    variables: { type: kind || undefined },
    fetchPolicy: 'cache-first',
  });
  const [add] = useMutation(ADD_MEMBER);
  const members = new Set(props.taskForce.members.map((member) => member.agencyId));
  const candidates = (data?.agencies.edges ?? [])
    .map((edge) => edge.node)
    .filter((agency) => !members.has(agency.id) && agency.status === 'ACTIVE')
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const form = useActionForm<MemberValues>({
    initial: () => ({ agencyId: '', role: '' }),
    validate: (values) => validateMember(values),
    run: (values) =>
      add({
        variables: {
          input: {
            taskForceId: props.taskForce.id,
            agencyId: values.agencyId,
            role: values.role as TaskForceRole,
          },
        },
      }),
    onDone: () =>
      props.onDone(
        candidates.find((agency) => agency.id === form.values.agencyId)?.name ?? '',
        form.values.role as TaskForceRole,
      ),
    ...MEMBER_REFUSALS,
    formId: memberFormId(props.taskForce.id),
    // Adding carries no version: CONFLICT means the agency is a member already.
    conflictAt: { agencyId: 'taskForce.alreadyMember' },
  });

  return (
    <ActionFormFrame
      id={memberFormId(props.taskForce.id)}
      heading={t('taskForce.add')}
      explain={t('taskForce.addExplain', { name: props.taskForce.name })}
      confirm={t('taskForce.addConfirm')}
      form={form}
      onCancel={props.onCancel}
    >
      <SelectField
        id="member-kind"
        label={t('taskForce.kindFilter')}
        value={kind}
        placeholder={t('taskForce.anyKind')}
        options={AGENCY_TYPES.map((value) => ({ value, label: t(`agencyType.${value}`) }))}
        onChange={(value) => {
          setKind(value as AgencyType | '');
          form.set('agencyId', '');
        }}
      />
      <SelectField
        id="member-agency"
        label={t('taskForce.agency')}
        required
        hint={data?.agencies.pageInfo.hasNextPage ? t('taskForce.moreAgencies') : undefined}
        value={form.values.agencyId}
        placeholder={t('form.select')}
        options={candidates.map((agency) => ({
          value: agency.id,
          label: `${agency.name} (${t(`agencyType.${agency.type}`)})`,
        }))}
        onChange={(agencyId) => form.set('agencyId', agencyId)}
        error={form.error('agencyId')}
      />
      <RoleField
        value={form.values.role}
        onChange={(role) => form.set('role', role)}
        error={form.error('role')}
      />
    </ActionFormFrame>
  );
}

function RoleField(props: {
  value: TaskForceRole | '';
  onChange: (role: TaskForceRole | '') => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id="member-role"
      label={t('taskForce.role')}
      hint={t('taskForce.roleHint')}
      required
      value={props.value}
      placeholder={t('form.select')}
      options={TASK_FORCE_ROLES.map((value) => ({ value, label: t(`taskForceRole.${value}`) }))}
      onChange={(value) => props.onChange(value as TaskForceRole | '')}
      error={props.error}
    />
  );
}

/** Changes a member's role with the membership's version as read (a stale one is CONFLICT). */
export function ChangeRoleForm(props: {
  member: Member;
  onCancel: () => void;
  onConflict: () => void;
  onDone: (role: TaskForceRole) => void;
}) {
  const { t } = useTranslation();
  const { member } = props;
  const [update] = useMutation(UPDATE_MEMBER);
  const form = useActionForm<MemberValues>({
    initial: () => ({ agencyId: member.agencyId, role: member.role }),
    validate: (values) => validateMember(values, member.role),
    run: (values) =>
      update({
        variables: {
          input: {
            taskForceId: member.taskForceId,
            agencyId: member.agencyId,
            role: values.role as TaskForceRole,
            expectedVersion: member.version,
          },
        },
      }),
    onDone: (result) =>
      result.kind === 'done' ? props.onDone(form.values.role as TaskForceRole) : props.onConflict(),
    ...MEMBER_REFUSALS,
    formId: memberFormId(member.taskForceId),
  });
  return (
    <ActionFormFrame
      id={memberFormId(member.taskForceId)}
      heading={t('taskForce.changeRoleOf', { agency: member.agency.name })}
      explain={t('taskForce.changeRoleExplain', { role: t(`taskForceRole.${member.role}`) })}
      confirm={t('taskForce.changeRoleConfirm')}
      form={form}
      onCancel={props.onCancel}
    >
      <RoleField
        value={form.values.role}
        onChange={(role) => form.set('role', role)}
        error={form.error('role')}
      />
    </ActionFormFrame>
  );
}

/** Takes an agency out of the task force, after saying what that means for its people. */
export function RemoveMemberForm(props: {
  member: Member;
  taskForceName: string;
  onCancel: () => void;
  onConflict: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { member } = props;
  const [remove] = useMutation(REMOVE_MEMBER);
  const form = useActionForm({
    initial: () => ({}),
    validate: () => ({}),
    run: () =>
      remove({ variables: { input: { taskForceId: member.taskForceId, agencyId: member.agencyId } } }),
    onDone: (result) => (result.kind === 'done' ? props.onDone() : props.onConflict()),
    formId: memberFormId(member.taskForceId),
  });
  return (
    <ActionFormFrame
      id={memberFormId(member.taskForceId)}
      heading={t('taskForce.removeAgency', { agency: member.agency.name })}
      explain={t('taskForce.removeExplain', { agency: member.agency.name, name: props.taskForceName })}
      confirm={t('taskForce.removeConfirm')}
      ending
      form={form}
      onCancel={props.onCancel}
    />
  );
}
