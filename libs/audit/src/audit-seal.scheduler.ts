import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { auditConfig, AuditConfig } from './audit.config';
import { AuditSealService } from './audit-seal.service';

/** Seals new audit events every AUDIT_SEAL_INTERVAL_SECONDS (a worker could do it instead). */
@Injectable()
export class AuditSealScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly seals: AuditSealService,
    @Inject(auditConfig.token) private readonly config: AuditConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.AUDIT_SEAL_INTERVAL_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.seals
        .seal()
        .catch((error: unknown) => this.logger.error(`sealing failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
