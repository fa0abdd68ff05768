import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HEADLINES, renderDigest, renderEmail } from './email-templates';

const LIBS = resolve(__dirname, '../../..');

/** Every `eventType` the domains publish, read from their source (a new kind cannot hide). */
function publishedEventTypes(): string[] {
  const found = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const match of source.matchAll(/eventType: '([A-Z][A-Z0-9_]*)'/g)) found.add(match[1]);
        // The referral lifecycle's notices: `REFERRAL_${row.status}` for every status after sending.
        if (source.includes('eventType: `REFERRAL_${row.status}`')) {
          for (const status of referralStatuses()) if (status !== 'DRAFT') found.add(`REFERRAL_${status}`);
        }
      }
    }
  };
  for (const lib of readdirSync(LIBS, { withFileTypes: true })) {
    if (lib.isDirectory() && lib.name !== 'notifications' && lib.name !== 'platform')
      visit(join(LIBS, lib.name, 'src'));
  }
  return [...found].sort();
}

/** The referral statuses, from the enum's source (this lib may not import the referrals lib, which imports it). */
function referralStatuses(): string[] {
  const source = readFileSync(join(LIBS, 'referrals/src/referral/referral.enums.ts'), 'utf8');
  const body = /export enum ReferralStatus \{([^}]*)\}/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/([A-Z_]+) = '/g)].map((match) => match[1]);
}

const context = (eventType: string, language: 'en' | 'es') => ({
  eventType,
  language,
  agencyName: 'Harbor Light Survivor Services',
  facts: {
    reference: 'S-7K2M9QX4PD',
    urgency: 'EMERGENCY',
    fromAgency: 'Bayview Police Department',
    toAgency: 'Harbor Light Survivor Services',
  },
  link: 'https://hub.test/notifications/0a6e1d3c-5b1f-4c11-9d1a-000000000001',
  recipient: 'agency' as const,
});

describe('e-mail templates', () => {
  it('have a headline in English and Spanish for every kind of notification the domains publish', () => {
    const published = publishedEventTypes();
    expect(published.length).toBeGreaterThan(20);
    expect(published).toEqual(Object.keys(HEADLINES).sort());
    for (const kind of published) {
      expect({ kind, en: Boolean(HEADLINES[kind].en), es: Boolean(HEADLINES[kind].es) }).toEqual({
        kind,
        en: true,
        es: true,
      });
      expect(HEADLINES[kind].es).not.toBe(HEADLINES[kind].en);
    }
  });

  it('write the facts, the link and why the reader gets it, in the reader’s language', () => {
    expect(renderEmail(context('REFERRAL_SENT', 'es'))).toEqual({
      subject: 'Task Force Hub: Nueva derivación recibida · S-7K2M9QX4PD · emergencia',
      text: [
        'Nueva derivación recibida.',
        '',
        'Agencia: Harbor Light Survivor Services',
        'Referencia del sobreviviente: S-7K2M9QX4PD',
        'De: Bayview Police Department',
        'Para: Harbor Light Survivor Services',
        'Urgencia: emergencia',
        '',
        'Ábralo en el hub (se le pedirá que inicie sesión):',
        'https://hub.test/notifications/0a6e1d3c-5b1f-4c11-9d1a-000000000001',
        '',
        '--',
        'Recibe este mensaje como dirección de admisión de Harbor Light Survivor Services.',
        'Por la seguridad de las personas a quienes atiende, este mensaje no contiene información personal sobre ellas; inicie sesión en el hub para ver más.',
        '',
      ].join('\n'),
    });
    const english = renderEmail({
      ...context('PROTOCOL_PUBLISHED', 'en'),
      facts: { title: 'Referral protocol' },
    });
    expect(english.subject).toBe('Task Force Hub: Protocol published');
    expect(english.text.split('\n').slice(0, 4)).toEqual([
      'Protocol published.',
      '',
      'Agency: Harbor Light Survivor Services',
      'Protocol: Referral protocol',
    ]);
  });

  it('deliver a kind without a template under a generic headline rather than not at all', () => {
    expect(renderEmail(context('SOMETHING_NEW', 'en')).subject).toMatch(
      /^Task Force Hub: New notification · /,
    );
  });

  it('list a day of notifications in a digest, one line each, with the same facts only', () => {
    expect(
      renderDigest({
        language: 'en',
        agencyName: 'Safe Passage Legal Aid',
        day: '2026-03-01',
        items: [
          {
            eventType: 'REFERRAL_SENT',
            facts: { reference: 'S-7K2M9QX4PD', urgency: 'URGENT', fromAgency: 'X' },
          },
          { eventType: 'PROTOCOL_PUBLISHED', facts: { title: 'Referral protocol' } },
        ],
        link: 'https://hub.test/notifications',
      }),
    ).toEqual({
      subject: 'Task Force Hub: daily digest for 2026-03-01 · 2 notifications',
      text: [
        'What happened for Safe Passage Legal Aid on 2026-03-01 (UTC):',
        '',
        '- New referral received (S-7K2M9QX4PD · urgent)',
        '- Protocol published (Referral protocol)',
        '',
        'Open it in the hub (you will be asked to sign in):',
        'https://hub.test/notifications',
        '',
        '--',
        'You receive this digest because you chose a daily e-mail of notifications in the hub.',
        'For the safety of the people you serve, this message carries no personal information about them; sign in to the hub to see more.',
        '',
      ].join('\n'),
    });
  });
});
