import { DataSource } from 'typeorm';
import { DEMO_AGENCIES, DEMO_RESOURCES, DEMO_TASK_FORCE } from '@hub/demo-data';
import { serviceAreaKey } from '../taxonomy/service-area';

/**
 * Writes the demo task force, agencies and hotlines. Idempotent (upserts by fixed ids) and
 * dev-only: it refuses to run with NODE_ENV=production.
 */
export async function seedDemoData(
  dataSource: DataSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (env.NODE_ENV === 'production') throw new Error('Refusing to seed demo data with NODE_ENV=production');
  await dataSource.transaction(async (tx) => {
    for (const a of DEMO_AGENCIES) {
      await tx.query(
        `INSERT INTO agency (id, name, type, jurisdiction, description, services, languages, service_areas,
           service_area_keys, hours, intake_phone, intake_email, website, address_street, address_city,
           address_region, address_postal_code, accepting_referrals, confidential_location)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,
           jurisdiction = EXCLUDED.jurisdiction, description = EXCLUDED.description, services = EXCLUDED.services,
           languages = EXCLUDED.languages, service_areas = EXCLUDED.service_areas,
           service_area_keys = EXCLUDED.service_area_keys, hours = EXCLUDED.hours,
           intake_phone = EXCLUDED.intake_phone, intake_email = EXCLUDED.intake_email, website = EXCLUDED.website,
           address_street = EXCLUDED.address_street, address_city = EXCLUDED.address_city,
           address_region = EXCLUDED.address_region, address_postal_code = EXCLUDED.address_postal_code,
           accepting_referrals = EXCLUDED.accepting_referrals, confidential_location = EXCLUDED.confidential_location`,
        [
          a.id,
          a.name,
          a.type,
          a.jurisdiction,
          a.description,
          a.services,
          a.languages,
          a.serviceAreas,
          [...new Set(a.serviceAreas.map(serviceAreaKey))],
          a.hours,
          a.intakePhone,
          a.intakeEmail,
          a.website,
          a.address?.street ?? null,
          a.address?.city ?? null,
          a.address?.region ?? null,
          a.address?.postalCode ?? null,
          a.acceptingReferrals,
          a.confidentialLocation,
        ],
      );
    }
    await tx.query(
      `INSERT INTO task_force (id, name, jurisdiction, description) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, jurisdiction = EXCLUDED.jurisdiction,
         description = EXCLUDED.description`,
      [DEMO_TASK_FORCE.id, DEMO_TASK_FORCE.name, DEMO_TASK_FORCE.jurisdiction, DEMO_TASK_FORCE.description],
    );
    for (const a of DEMO_AGENCIES) {
      await tx.query(
        `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (task_force_id, agency_id) DO NOTHING`,
        [DEMO_TASK_FORCE.id, a.id, a.taskForceRole],
      );
    }
    for (const r of DEMO_RESOURCES) {
      await tx.query(
        `INSERT INTO resource (id, name, phone, text_number, chat_url, hours, languages, description)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone,
           text_number = EXCLUDED.text_number, chat_url = EXCLUDED.chat_url, hours = EXCLUDED.hours,
           languages = EXCLUDED.languages, description = EXCLUDED.description`,
        [r.id, r.name, r.phone, r.text, r.chatUrl, r.hours, r.languages, r.description],
      );
    }
  });
}
