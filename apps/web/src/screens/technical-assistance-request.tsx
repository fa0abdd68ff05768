import { useMutation, useQuery } from '@apollo/client/react';
import { Table, Tag } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAnnouncement, useArrival } from '../focus';
import { graphql } from '../gql';
import { errorCode } from '../graphql/errors';
import { formatDate, formatDateTime, formatNumber } from '../i18n';
import { Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { type ActionResult, ResultFlash } from './record-actions';
import { RecordThread } from './record-thread';
import { RecordTimeline } from './record-timeline';
import { Fact } from './survivor-fields';
import { type TaTransition, TechnicalAssistanceActions } from './technical-assistance-actions';
import { TA_TEXT_FIELDS } from './technical-assistance-request-form';

export const TA_REQUEST_QUERY = graphql(`
  query TechnicalAssistanceRequestDetail($id: ID!) {
    technicalAssistanceRequest(id: $id) {
      id
      status
      version
      availableActions
      topic
      type
      modality
      urgency
      priority
      problemStatement
      whyItMatters
      currentPractice
      desiredOutcome
      preferredStartDate
      preferredEndDate
      audiences
      expectedAttendees
      triageNote
      assigneeName
      deliverySummary
      declineReason
      rating
      feedback
      createdAt
      requestingAgency {
        id
        name
      }
      assignedAgency {
        id
        name
      }
      sessions {
        id
        kind
        heldOn
        modality
        hours
        totalAttendees
        attendance {
          audience
          attendees
        }
        materials
        notes
      }
      events {
        id
        occurredAt
        fromStatus
        toStatus
        reason
        actorAgencyId
      }
      messages {
        id
        authorAgencyId
        body
        createdAt
      }
    }
  }
`);

export const ADD_TA_MESSAGE = graphql(`
  mutation AddTechnicalAssistanceMessage($input: AddTechnicalAssistanceMessageInput!) {
    addTechnicalAssistanceMessage(input: $input) {
      message {
        id
      }
    }
  }
`);

/** What the screen announces: a move made here, or the request just sent from the form. */
type TaResult = TaTransition | 'REQUESTED';

/**
 * One technical-assistance request: what the caller may do to it now (only what the API lists),
 * what was asked, the sessions delivered, the timeline and the thread among its parties. A request
 * holds no survivor data, so it may sit in the client's cache; it is reloaded after each change.
 */
export function TechnicalAssistanceRequestScreen() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('ta.request.title'));
  const { data, error, loading, refetch } = useQuery(TA_REQUEST_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [postMessage] = useMutation(ADD_TA_MESSAGE);
  // Arriving from the request form: say what it did (the state holds an action name only).
  const arrived = useArrival<{ done: 'REQUESTED' }>()?.done;
  const flash = useAnnouncement<ActionResult<TaResult>>(arrived ? { kind: 'done', action: arrived } : null);
  const afterAction = async (result: ActionResult<TaResult>) => {
    await refetch().catch(() => undefined);
    flash.announce(result);
  };

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error && !data) {
    const notFound = errorCode(error) === 'NOT_FOUND';
    return (
      <Notice
        type="error"
        level="h1"
        heading={notFound ? t('ta.request.notFound') : t('errors.loadFailed')}
      />
    );
  }
  if (!data) return null;
  const request = data.technicalAssistanceRequest;
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const day = (value: string) => formatDate(value, i18n.language);
  // Only the parties act or write: the requester, the provider, else the task force's coordinators.
  const agencyName = (agencyId: string) =>
    agencyId === request.requestingAgency.id
      ? request.requestingAgency.name
      : agencyId === request.assignedAgency?.id
        ? request.assignedAgency.name
        : t('ta.request.coordination');

  return (
    <>
      <p>
        <Link className="usa-link" to="/technical-assistance">
          {t('ta.request.back')}
        </Link>
      </p>
      <h1>{t('ta.request.title')}</h1>
      <p className="usa-intro">
        {t(`ta.topic.${request.topic}`)} · {t(`ta.type.${request.type}`)}{' '}
        <Tag className={request.status === 'CLOSED' ? 'bg-green' : undefined}>
          {t(`ta.status.${request.status}`)}
        </Tag>
      </p>
      <ResultFlash
        announcement={flash}
        done={({ action }) => t(`ta.actions.done.${action}`)}
        conflictHeading={t('ta.actions.conflictHeading')}
        conflict={t('ta.actions.conflict')}
      />
      <TechnicalAssistanceActions
        request={request}
        onDone={(result) => {
          flash.announce(null);
          void afterAction(result);
        }}
      />

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('ta.request.summary')}</h2>
        <dl className="hub-facts">
          <Fact label={t('ta.field.status')}>{t(`ta.status.${request.status}`)}</Fact>
          <Fact label={t('ta.field.requestingAgency')}>{request.requestingAgency.name}</Fact>
          <Fact label={t('ta.field.createdAt')}>{when(request.createdAt)}</Fact>
          <Fact label={t('ta.field.topic')}>{t(`ta.topic.${request.topic}`)}</Fact>
          <Fact label={t('ta.field.type')}>{t(`ta.type.${request.type}`)}</Fact>
          <Fact label={t('ta.field.modality')}>{t(`ta.modality.${request.modality}`)}</Fact>
          <Fact label={t('ta.field.urgency')}>{t(`ta.urgency.${request.urgency}`)}</Fact>
          <Fact label={t('ta.field.audiences')}>
            {request.audiences.map((audience) => t(`ta.audience.${audience}`)).join(', ')}
          </Fact>
          <Fact label={t('ta.field.expectedAttendees')}>
            {formatNumber(request.expectedAttendees, i18n.language)}
          </Fact>
          <Fact label={t('ta.request.preferredDates')}>
            {request.preferredStartDate || request.preferredEndDate
              ? t('ta.request.dateRange', {
                  from: request.preferredStartDate ? day(request.preferredStartDate) : '…',
                  to: request.preferredEndDate ? day(request.preferredEndDate) : '…',
                })
              : t('ta.request.noDates')}
          </Fact>
        </dl>
        <h3>{t('ta.request.asked')}</h3>
        <dl className="hub-facts">
          {TA_TEXT_FIELDS.map((field) => (
            <Fact key={field} label={t(`ta.field.${field}`)}>
              <span className="hub-message-body">{request[field]}</span>
            </Fact>
          ))}
        </dl>
        <h3>{t('ta.request.handling')}</h3>
        <dl className="hub-facts">
          <Fact label={t('ta.field.priority')}>
            {request.priority ? t(`ta.priority.${request.priority}`) : t('ta.request.notTriaged')}
          </Fact>
          {request.triageNote && <Fact label={t('ta.field.triageNote')}>{request.triageNote}</Fact>}
          <Fact label={t('ta.field.assignedAgency')}>
            {request.assignedAgency
              ? request.assigneeName
                ? t('ta.request.assignee', {
                    agency: request.assignedAgency.name,
                    person: request.assigneeName,
                  })
                : request.assignedAgency.name
              : t('ta.request.notAssigned')}
          </Fact>
          {request.declineReason && <Fact label={t('ta.field.declineReason')}>{request.declineReason}</Fact>}
          {request.deliverySummary && (
            <Fact label={t('ta.field.deliverySummary')}>
              <span className="hub-message-body">{request.deliverySummary}</span>
            </Fact>
          )}
          {request.rating !== null && request.rating !== undefined && (
            <Fact label={t('ta.field.rating')}>{t(`ta.rating.${request.rating}`)}</Fact>
          )}
          {request.feedback && (
            <Fact label={t('ta.field.feedback')}>
              <span className="hub-message-body">{request.feedback}</span>
            </Fact>
          )}
        </dl>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('ta.sessions.heading')}</h2>
        {request.sessions.length === 0 ? (
          <p>{t('ta.sessions.empty')}</p>
        ) : (
          <Table fullWidth striped>
            <caption>{t('ta.sessions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ta.sessions.heldOn')}</th>
                <th scope="col">{t('ta.sessions.kind')}</th>
                <th scope="col">{t('ta.field.modality')}</th>
                <th scope="col">{t('ta.sessions.hours')}</th>
                <th scope="col">{t('ta.sessions.attendance')}</th>
                <th scope="col">{t('ta.sessions.materialsAndNotes')}</th>
              </tr>
            </thead>
            <tbody>
              {request.sessions.map((session) => (
                <tr key={session.id}>
                  <th scope="row">{day(session.heldOn)}</th>
                  <td>{t(`ta.sessionKind.${session.kind}`)}</td>
                  <td>{t(`ta.modality.${session.modality}`)}</td>
                  <td>{formatNumber(session.hours, i18n.language)}</td>
                  <td>
                    {session.totalAttendees === 0 ? (
                      '—'
                    ) : (
                      <>
                        {t('ta.sessions.total', {
                          count: session.totalAttendees,
                          formatted: formatNumber(session.totalAttendees, i18n.language),
                        })}
                        <ul className="usa-list usa-list--unstyled">
                          {session.attendance.map((entry) => (
                            <li key={entry.audience}>
                              {t(`ta.audience.${entry.audience}`)}:{' '}
                              {formatNumber(entry.attendees, i18n.language)}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                  <td>
                    {session.materials.length > 0 && (
                      <ul className="usa-list">
                        {session.materials.map((material, index) => (
                          <li key={index}>{material}</li>
                        ))}
                      </ul>
                    )}
                    {session.notes && <p className="hub-message-body">{session.notes}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <RecordTimeline
        events={request.events}
        statusLabel={(status) => t(`ta.status.${status}`)}
        agencyName={agencyName}
      />

      <RecordThread
        messages={request.messages}
        agencyName={agencyName}
        hint={t('ta.thread.hint')}
        canPost={request.availableActions.includes('MESSAGE')}
        post={(body) => postMessage({ variables: { input: { requestId: request.id, body } } })}
        onPosted={() => refetch()}
        area="ta"
      />
    </>
  );
}
