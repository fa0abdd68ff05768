import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ConfigModule } from '@hub/config';
import { databaseConfig, DatabaseConfig } from './database.config';
import { initializeDataSource } from './connect';
import { dataSourceOptions, EntityList } from './data-source-options';
import { PoolMetrics } from './pool-metrics';
import { Transactions } from './transaction';

/** The process's data source (API, worker), connected as the least-privileged role (migrations are not run here), and Transactions for every domain. */
@Module({})
export class DatabaseModule {
  static forRoot(options: { entities: EntityList; applicationName?: string }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [ConfigModule.forFeature(databaseConfig)],
          inject: [databaseConfig.token],
          useFactory: (config: DatabaseConfig) => ({
            ...dataSourceOptions({
              url: config.DATABASE_URL,
              entities: options.entities,
              poolSize: config.DATABASE_POOL_SIZE,
              ssl: config.DATABASE_SSL,
              statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
              applicationName: options.applicationName ?? 'hub-api',
            }),
            // Fail fast instead of @nestjs/typeorm's 9 retries × 3 s: one DatabaseUnavailableError
            // naming the host (see initializeDataSource).
            toRetry: () => false,
          }),
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('DatabaseModule: no data source options');
            const { url } = dataSourceOptions as { url: string };
            return initializeDataSource(new DataSource(dataSourceOptions), url);
          },
        }),
      ],
      providers: [Transactions, PoolMetrics],
      exports: [Transactions],
      global: true,
    };
  }
}
