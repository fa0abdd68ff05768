import { TA_REQUEST_QUERY } from './technical-assistance-request';

/** Shared by the technical-assistance screens' component tests (never imported by the app). */

export const REQUESTER = { __typename: 'Agency', id: 'a-ngo', name: 'Harbor Light Survivor Services' };
export const PROVIDER = { __typename: 'Agency', id: 'a-ta', name: 'Regional Training & TA Center' };
/** The coordinating office: not on the request, so the screen names it by its role. */
export const COORDINATOR_AGENCY_ID = 'a-tf';

export const TA_DETAIL = {
  __typename: 'TechnicalAssistanceRequest',
  id: 'ta-1',
  status: 'SUBMITTED',
  version: 1,
  availableActions: [] as string[],
  topic: 'TRAUMA_INFORMED_SERVICES',
  type: 'TRAINING',
  modality: 'HYBRID',
  urgency: 'TIME_SENSITIVE',
  priority: null as string | null,
  problemStatement: 'Intake staff re-ask survivors the same questions at every agency.',
  whyItMatters: 'Repeated interviews re-traumatise survivors.',
  currentPractice: 'Each agency runs its own intake form.',
  desiredOutcome: 'A shared trauma-informed intake practice.',
  preferredStartDate: '2026-04-01',
  preferredEndDate: '2026-04-30',
  audiences: ['SERVICE_PROVIDERS', 'LAW_ENFORCEMENT'],
  expectedAttendees: 40,
  triageNote: null as string | null,
  assigneeName: null as string | null,
  deliverySummary: null as string | null,
  declineReason: null as string | null,
  rating: null as number | null,
  feedback: null as string | null,
  createdAt: '2026-03-01T09:00:00.000Z',
  requestingAgency: REQUESTER,
  assignedAgency: null as { __typename: string; id: string; name: string } | null,
  sessions: [] as unknown[],
  events: [
    {
      __typename: 'TechnicalAssistanceEvent',
      id: 'e1',
      occurredAt: '2026-03-01T09:00:00.000Z',
      fromStatus: null as string | null,
      toStatus: 'SUBMITTED',
      reason: null as string | null,
      actorAgencyId: REQUESTER.id as string | null,
    },
  ],
  messages: [] as unknown[],
};

/** The request screen's query for ta-1, answered with the fixture and `overrides`. */
export function taDetail(overrides: Partial<typeof TA_DETAIL> & Record<string, unknown>) {
  return {
    request: { query: TA_REQUEST_QUERY, variables: { id: 'ta-1' } },
    result: { data: { technicalAssistanceRequest: { ...TA_DETAIL, ...overrides } } },
  };
}
