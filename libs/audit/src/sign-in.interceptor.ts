import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, Observable, switchMap } from 'rxjs';
import { requestOf } from '@hub/auth';
import { accessOf } from '@hub/access';
import { Transactions } from '@hub/database';
import { AuditWriter } from './audit-writer';

const REMEMBERED = 10_000;

/**
 * Records a sign-in the first time the API sees a token (its `jti`): once across replicas
 * (the database decides), with an in-process memory so later requests cost nothing.
 */
@Injectable()
export class SignInInterceptor implements NestInterceptor {
  private readonly seen = new Set<string>();

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = requestOf(context);
    const tokenId = req.caller?.tokenId;
    if (!tokenId || this.seen.has(tokenId)) return next.handle();
    return from(this.record(req, tokenId)).pipe(switchMap(() => next.handle()));
  }

  private async record(req: object, tokenId: string): Promise<void> {
    this.remember(tokenId);
    let actor;
    try {
      actor = accessOf(req).actor;
    } catch {
      return;
    }
    await this.transactions.run(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO audit_token_seen (token_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING token_id`,
        [tokenId],
      );
      if (inserted.length) {
        await this.audit.record(tx, {
          actor,
          action: 'SIGN_IN',
          subjectType: 'Session',
          subjectId: tokenId.slice(0, 128),
          decision: 'ALLOWED',
          subjectAgencyIds: [actor.agencyId],
        });
      }
    });
  }

  private remember(tokenId: string): void {
    if (this.seen.size >= REMEMBERED) this.seen.clear();
    this.seen.add(tokenId);
  }
}
