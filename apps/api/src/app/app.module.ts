import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AgenciesModule, AgencyFactsLoader, AgencyFactsModule, agenciesEntities } from '@hub/agencies';
import { defineAbilityFor, SURVIVOR_PERSONAL_FIELDS } from '@hub/access';
import { AuditModule, auditEntities } from '@hub/audit';
import { AuthModule, ConnectionAuthenticator } from '@hub/auth';
import { AuthzModule } from '@hub/authz';
import { ClockModule, ConfigModule, loadConfig } from '@hub/config';
import { ConsentsModule, consentsEntities } from '@hub/consents';
import { DatabaseModule } from '@hub/database';
import { PinoLogger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import {
  CallerBudgetModule,
  GraphiqlModule,
  graphqlConfig,
  GraphqlConfig,
  graphqlOptions,
  HubExceptionFilter,
} from '@hub/graphql';
import { NotificationsModule, notificationsEntities } from '@hub/notifications';
import { LoggingModule, Metrics, MetricsModule } from '@hub/observability';
import { ProtocolsModule, protocolsEntities } from '@hub/protocols';
import { ReferralsModule, referralsEntities } from '@hub/referrals';
import { TechnicalAssistanceModule, technicalAssistanceEntities } from '@hub/technical-assistance';
import { workflowEntities } from '@hub/workflow';
import { serverConfig } from './api-config';
import { HealthController } from './health.controller';

/** Every table the API maps, gathered from the domain libs that own them. */
export const apiEntities = [
  ...agenciesEntities,
  ...auditEntities,
  ...notificationsEntities,
  ...workflowEntities,
  ...consentsEntities,
  ...referralsEntities,
  ...protocolsEntities,
  ...technicalAssistanceEntities,
];

const production = () => loadConfig(serverConfig).NODE_ENV === 'production';
const graphiqlEnabled = () => loadConfig(graphqlConfig).GRAPHIQL_ENABLED ?? !production();

@Module({})
export class AppModule {
  /** Built at start, after configuration was validated, so optional parts follow configuration. */
  static register(options: { logDestination?: Writable } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ClockModule,
        LoggingModule.forRoot({
          destination: options.logDestination,
          personalFields: SURVIVOR_PERSONAL_FIELDS,
        }),
        // Before AuthModule: its middleware counts every answer, a refused token's 401 included.
        MetricsModule,
        DatabaseModule.forRoot({ entities: apiEntities }),
        AuthModule,
        // After AuthModule: the budget is per authenticated user (middleware runs in import order).
        CallerBudgetModule,
        AuthzModule.forRoot({
          imports: [AgencyFactsModule],
          factsLoader: AgencyFactsLoader,
          policy: defineAbilityFor,
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [ConfigModule.forFeature(graphqlConfig), AuthModule],
          inject: [graphqlConfig.token, PinoLogger, ConnectionAuthenticator, Metrics],
          useFactory: (
            config: GraphqlConfig,
            logger: PinoLogger,
            authenticator: ConnectionAuthenticator,
            metrics: Metrics,
          ) =>
            graphqlOptions({
              config,
              production: production(),
              logger,
              subscriptions: { authenticator },
              metrics,
            }),
        }),
        AuditModule,
        AgenciesModule,
        NotificationsModule,
        ConsentsModule,
        ReferralsModule,
        ProtocolsModule,
        TechnicalAssistanceModule,
        ...(graphiqlEnabled() ? [GraphiqlModule] : []),
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: APP_FILTER,
          inject: [PinoLogger],
          useFactory: (logger: PinoLogger) => new HubExceptionFilter(logger),
        },
      ],
    };
  }
}
