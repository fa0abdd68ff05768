import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { namedQuery, Tx } from '@hub/database';

/** Whose preference: the token's subject in the caller's agency. */
export interface PreferenceOwner {
  userId: string;
  agencyId: string;
}

export interface PreferenceRow {
  delivery: string;
  email: string | null;
  updatedAt: Date;
}

/** Every query on notification preferences; each one is the owner's own row (the primary key). */
@Injectable()
export class NotificationPreferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(owner: PreferenceOwner): Promise<PreferenceRow | null> {
    const [row] = await namedQuery<PreferenceRow>(
      this.dataSource.manager,
      `SELECT delivery, email, updated_at AS "updatedAt" FROM notification_preference
        WHERE user_id = :userId AND agency_id = :agencyId`,
      { ...owner },
    );
    return row ?? null;
  }

  async save(
    tx: Tx,
    owner: PreferenceOwner,
    choice: { delivery: string; email: string | null },
  ): Promise<PreferenceRow> {
    const [row] = await namedQuery<PreferenceRow>(
      tx,
      `INSERT INTO notification_preference (user_id, agency_id, delivery, email)
       VALUES (:userId, :agencyId, :delivery, :email)
       ON CONFLICT (user_id, agency_id)
       DO UPDATE SET delivery = EXCLUDED.delivery, email = EXCLUDED.email, updated_at = now()
       RETURNING delivery, email, updated_at AS "updatedAt"`,
      { ...owner, ...choice },
    );
    return row;
  }
}
