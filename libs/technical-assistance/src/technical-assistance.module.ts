import { Module } from '@nestjs/common';
import { AgenciesModule } from '@hub/agencies';
import { NotificationsModule } from '@hub/notifications';
import { workflowProviders } from '@hub/workflow';
import { TechnicalAssistanceRepository } from './request/technical-assistance.repository';
import { TechnicalAssistanceResolver } from './request/technical-assistance.resolver';
import { TechnicalAssistanceRecordType } from './request/technical-assistance-record-type';
import { TechnicalAssistanceRequestService } from './request/technical-assistance-request.service';
import { TechnicalAssistanceSessionService } from './request/technical-assistance-session.service';
import { TechnicalAssistanceThreadService } from './request/technical-assistance-thread.service';
import { TechnicalAssistanceTransitionsService } from './request/technical-assistance-transitions.service';

const services = [
  TechnicalAssistanceRequestService,
  TechnicalAssistanceTransitionsService,
  TechnicalAssistanceSessionService,
  TechnicalAssistanceThreadService,
];

/** Technical-assistance requests: asking, triage and assignment, delivery, closing with a rating. */
@Module({
  imports: [AgenciesModule, NotificationsModule],
  providers: [
    ...workflowProviders,
    TechnicalAssistanceRepository,
    TechnicalAssistanceRecordType,
    ...services,
    TechnicalAssistanceResolver,
  ],
  exports: services,
})
export class TechnicalAssistanceModule {}
