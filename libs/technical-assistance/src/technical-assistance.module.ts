import { Module } from '@nestjs/common';
import { AgenciesModule } from '@hub/agencies';
import { NotificationsModule } from '@hub/notifications';
import { workflowProviders } from '@hub/workflow';
import { TechnicalAssistanceRepository } from './request/technical-assistance.repository';
import { TechnicalAssistanceResolver } from './request/technical-assistance.resolver';
import { TechnicalAssistanceService } from './request/technical-assistance.service';

/** Technical-assistance requests: asking, triage and assignment, delivery, closing with a rating. */
@Module({
  imports: [AgenciesModule, NotificationsModule],
  providers: [
    ...workflowProviders,
    TechnicalAssistanceRepository,
    TechnicalAssistanceService,
    TechnicalAssistanceResolver,
  ],
  exports: [TechnicalAssistanceService],
})
export class TechnicalAssistanceModule {}
