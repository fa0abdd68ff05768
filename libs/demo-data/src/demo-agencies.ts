/**
 * The fictional Bay County task force of DESIGN.md §5. Plain data, shared by the seed (which
 * writes it to the database) and dev-idp (whose tokens carry these agency ids).
 */
export type DemoAgencyType =
  | 'NGO'
  | 'LAW_ENFORCEMENT'
  | 'FEDERAL_PARTNER'
  | 'PROSECUTOR'
  | 'HEALTH'
  | 'CHILD_WELFARE'
  | 'TA_PROVIDER'
  | 'COORDINATOR';

export interface DemoAgency {
  id: string;
  name: string;
  type: DemoAgencyType;
  jurisdiction: string;
  description: string;
  services: string[];
  languages: string[];
  serviceAreas: string[];
  hours: string;
  intakePhone: string | null;
  intakeEmail: string | null;
  website: string | null;
  address: { street: string; city: string; region: string; postalCode: string } | null;
  acceptingReferrals: boolean;
  confidentialLocation: boolean;
  taskForceRole: 'CO_LEAD_LAW_ENFORCEMENT' | 'CO_LEAD_VICTIM_SERVICES' | 'MEMBER' | 'OBSERVER';
}

export const DEMO_AGENCY_IDS = {
  harborLight: '0a6e1d3c-5b1f-4c11-9d1a-000000000001',
  safePassage: '0a6e1d3c-5b1f-4c11-9d1a-000000000002',
  bayviewPolice: '0a6e1d3c-5b1f-4c11-9d1a-000000000003',
  federalVictimAssistance: '0a6e1d3c-5b1f-4c11-9d1a-000000000004',
  regionalTa: '0a6e1d3c-5b1f-4c11-9d1a-000000000005',
  taskForceOffice: '0a6e1d3c-5b1f-4c11-9d1a-000000000006',
} as const;

export const DEMO_TASK_FORCE = {
  id: '7f3c2a10-8e4b-4d2c-a1f0-000000000001',
  name: 'Bay County Human Trafficking Task Force',
  jurisdiction: 'Bay County',
  description:
    'Victim-service providers, law enforcement, federal partners and technical-assistance providers working together against human trafficking in Bay County.',
} as const;

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    id: DEMO_AGENCY_IDS.harborLight,
    name: 'Harbor Light Survivor Services',
    type: 'NGO',
    jurisdiction: 'Bay County',
    description: 'Comprehensive case management and emergency shelter for survivors of trafficking.',
    services: [
      'CASE_MANAGEMENT',
      'HOUSING_AND_SHELTER',
      'FOOD_AND_SUSTENANCE',
      'MENTAL_HEALTH',
      'SUPPORT_GROUPS',
      'VICTIM_ADVOCACY',
      'EMERGENCY_RESPONSE',
      'LIFE_SKILLS',
    ],
    languages: ['en', 'es', 'vi'],
    serviceAreas: ['Bay County', 'Port Harbor', 'Bayview'],
    hours: '24/7 crisis line; office Mon–Fri 09:00–17:00',
    intakePhone: '+1-555-0100',
    intakeEmail: 'intake@harborlight.example.org',
    website: 'https://harborlight.example.org',
    // A shelter: its street address must never leave the agency.
    address: { street: '100 Lantern Way', city: 'Port Harbor', region: 'CA', postalCode: '94000' },
    acceptingReferrals: true,
    confidentialLocation: true,
    taskForceRole: 'CO_LEAD_VICTIM_SERVICES',
  },
  {
    id: DEMO_AGENCY_IDS.safePassage,
    name: 'Safe Passage Legal Aid',
    type: 'NGO',
    jurisdiction: 'Bay County',
    description: 'Free legal representation, including T-visa and immigration relief, for survivors.',
    services: [
      'LEGAL',
      'IMMIGRATION_LEGAL',
      'PUBLIC_BENEFITS_AND_CERTIFICATION',
      'INTERPRETATION_AND_TRANSLATION',
    ],
    languages: ['en', 'es', 'zh', 'tl'],
    serviceAreas: ['Bay County', 'Bayview', 'Marin Flats'],
    hours: 'Mon–Fri 08:30–18:00',
    intakePhone: '+1-555-0120',
    intakeEmail: 'intake@safepassage.example.org',
    website: 'https://safepassage.example.org',
    address: {
      street: '42 Civic Center Plaza, Suite 300',
      city: 'Bayview',
      region: 'CA',
      postalCode: '94010',
    },
    acceptingReferrals: true,
    confidentialLocation: false,
    taskForceRole: 'MEMBER',
  },
  {
    id: DEMO_AGENCY_IDS.bayviewPolice,
    name: 'Bayview Police Department',
    type: 'LAW_ENFORCEMENT',
    jurisdiction: 'City of Bayview',
    description: 'Special Victims Unit, human trafficking detail.',
    services: ['EMERGENCY_RESPONSE'],
    languages: ['en', 'es'],
    serviceAreas: ['Bayview'],
    hours: '24/7',
    intakePhone: '+1-555-0911',
    intakeEmail: null,
    website: 'https://police.bayview.example.gov',
    address: { street: '1 Justice Square', city: 'Bayview', region: 'CA', postalCode: '94011' },
    acceptingReferrals: true,
    confidentialLocation: false,
    taskForceRole: 'CO_LEAD_LAW_ENFORCEMENT',
  },
  {
    id: DEMO_AGENCY_IDS.federalVictimAssistance,
    name: 'Federal Victim Assistance Office',
    type: 'FEDERAL_PARTNER',
    jurisdiction: 'Northern District',
    description: 'Federal victim specialists supporting survivors in federal cases.',
    services: ['VICTIM_ADVOCACY', 'FINANCIAL_ASSISTANCE'],
    languages: ['en'],
    serviceAreas: ['Bay County'],
    hours: 'Mon–Fri 09:00–17:00',
    intakePhone: null,
    intakeEmail: 'victim.assistance@fvao.example.gov',
    website: null,
    address: null,
    acceptingReferrals: false,
    confidentialLocation: false,
    taskForceRole: 'MEMBER',
  },
  {
    id: DEMO_AGENCY_IDS.regionalTa,
    name: 'Regional Training & TA Center',
    type: 'TA_PROVIDER',
    jurisdiction: 'Western Region',
    description: 'Training and technical assistance on trauma-informed, victim-centred practice.',
    services: [],
    languages: ['en', 'es'],
    serviceAreas: ['Bay County', 'Western Region'],
    hours: 'Mon–Fri 09:00–17:00',
    intakePhone: null,
    intakeEmail: 'requests@regionalta.example.org',
    website: 'https://regionalta.example.org',
    address: null,
    acceptingReferrals: false,
    confidentialLocation: false,
    taskForceRole: 'OBSERVER',
  },
  {
    id: DEMO_AGENCY_IDS.taskForceOffice,
    name: 'Bay County Task Force Office',
    type: 'COORDINATOR',
    jurisdiction: 'Bay County',
    description: 'Coordinates the Bay County Human Trafficking Task Force.',
    services: [],
    languages: ['en'],
    serviceAreas: ['Bay County'],
    hours: 'Mon–Fri 09:00–17:00',
    intakePhone: '+1-555-0150',
    intakeEmail: 'coordinator@baycountytf.example.gov',
    website: null,
    address: null,
    acceptingReferrals: false,
    confidentialLocation: false,
    taskForceRole: 'MEMBER',
  },
];
