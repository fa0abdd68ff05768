import { In } from 'typeorm';
import { Tx } from '@hub/database';
import { ConsentGrantEntity } from '../consent/consent.entity';
import { liveGrantSql } from '../survivor/survivor-access';

/**
 * The grants live at `now` of these survivors or consents, in one statement, grouped by that id
 * (every id present, empty when it has none): what the in-memory policy checks.
 */
export async function liveGrantsOf(
  tx: Tx,
  key: 'survivorId' | 'consentId',
  ids: readonly string[],
  now: Date,
): Promise<Map<string, ConsentGrantEntity[]>> {
  const byId = new Map<string, ConsentGrantEntity[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const grants = await tx
    .getRepository(ConsentGrantEntity)
    .createQueryBuilder('g')
    .where({ [key]: In([...ids]) })
    .andWhere(liveGrantSql('g'), { now })
    .getMany();
  for (const grant of grants) byId.get(grant[key] as string)?.push(grant);
  return byId;
}
