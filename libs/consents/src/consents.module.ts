import { Module } from '@nestjs/common';
import { AgenciesModule } from '@hub/agencies';
import { ConfigModule } from '@hub/config';
import { NotificationsModule } from '@hub/notifications';
import { CreateOnce, Refusals } from '@hub/workflow';
import { consentsConfig } from './consents.config';
import { AccessGrantRepository } from './grant/access-grant.repository';
import { AccessGrantService } from './grant/access-grant.service';
import { ConsentRecordingService } from './consent/consent-recording.service';
import { ConsentRevocationListeners } from './consent/consent-revocation-listeners';
import { ConsentRevocationService } from './consent/consent-revocation.service';
import { ConsentRepository } from './consent/consent.repository';
import { ConsentResolver } from './consent/consent.resolver';
import { ConsentService } from './consent/consent.service';
import { SurvivorRepository } from './survivor/survivor.repository';
import { SurvivorResolver } from './survivor/survivor.resolver';
import { SurvivorService } from './survivor/survivor.service';

/** Survivors, consents, grants and revocation. */
@Module({
  imports: [AgenciesModule, NotificationsModule, ConfigModule.forFeature(consentsConfig)],
  providers: [
    // Of the workflow kernel only these: survivors and consents have no lifecycle to run.
    Refusals,
    CreateOnce,
    AccessGrantRepository,
    AccessGrantService,
    ConsentRevocationListeners,
    SurvivorRepository,
    SurvivorService,
    SurvivorResolver,
    ConsentRepository,
    ConsentService,
    ConsentRecordingService,
    ConsentRevocationService,
    ConsentResolver,
  ],
  exports: [SurvivorService, ConsentService, AccessGrantService, ConsentRevocationListeners],
})
export class ConsentsModule {}
