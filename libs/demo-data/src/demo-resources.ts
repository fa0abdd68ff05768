/** National hotlines (public sources: the hotlines' own published numbers). */
export interface DemoResource {
  id: string;
  name: string;
  phone: string;
  text: string | null;
  chatUrl: string | null;
  hours: string;
  languages: string[];
  description: string;
}

export const DEMO_RESOURCES: readonly DemoResource[] = [
  {
    id: '3b1d9c70-2f4e-4a8b-9e55-000000000001',
    name: 'National Human Trafficking Hotline',
    phone: '1-888-373-7888',
    text: '233733 (BeFree)',
    chatUrl: 'https://humantraffickinghotline.org/chat',
    hours: '24/7',
    languages: ['en', 'es'],
    description:
      'Confidential, 24/7 hotline for victims, survivors and anyone with a tip; interpreters in over 200 languages.',
  },
  {
    id: '3b1d9c70-2f4e-4a8b-9e55-000000000002',
    name: 'VictimConnect Resource Center',
    phone: '1-855-484-2846',
    text: '1-855-484-2846',
    chatUrl: 'https://victimconnect.org',
    hours: 'Mon–Fri 09:00–18:00 ET',
    languages: ['en', 'es'],
    description: 'Referral help line for crime victims, including survivors of trafficking.',
  },
  {
    id: '3b1d9c70-2f4e-4a8b-9e55-000000000003',
    name: 'DOJ Trafficking in Persons and Worker Exploitation Task Force Complaint Line',
    phone: '1-888-428-7581',
    text: null,
    chatUrl: null,
    hours: 'Mon–Fri 09:00–17:00 ET',
    languages: ['en'],
    description: 'U.S. Department of Justice line for reporting trafficking and worker exploitation.',
  },
];
