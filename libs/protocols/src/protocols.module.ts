import { Module } from '@nestjs/common';
import { AgenciesModule } from '@hub/agencies';
import { NotificationsModule } from '@hub/notifications';
import { workflowProviders } from '@hub/workflow';
import {
  AcknowledgementResolver,
  AcknowledgementStatusResolver,
} from './acknowledgement/acknowledgement.resolver';
import { AcknowledgementService } from './acknowledgement/acknowledgement.service';
import { ProtocolRepository } from './protocol/protocol.repository';
import { ProtocolResolver, ProtocolVersionResolver } from './protocol/protocol.resolver';
import { ProtocolService } from './protocol/protocol.service';

/** Task-force protocols: versions, publication, acknowledgement by member agencies. */
@Module({
  imports: [AgenciesModule, NotificationsModule],
  providers: [
    ...workflowProviders,
    ProtocolRepository,
    ProtocolService,
    ProtocolResolver,
    ProtocolVersionResolver,
    AcknowledgementService,
    AcknowledgementResolver,
    AcknowledgementStatusResolver,
  ],
  exports: [ProtocolService],
})
export class ProtocolsModule {}
