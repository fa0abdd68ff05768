import { DynamicModule, Module, Provider } from '@nestjs/common';
import { z } from 'zod';
import { ConfigDefinition, loadConfig } from './config-definition';

/**
 * Registers configuration slices as providers (`@Inject(definition.token)`). Parsing happens at
 * module creation, so a bad variable stops the process before anything listens.
 */
@Module({})
export class ConfigModule {
  static forFeature(...definitions: ConfigDefinition<z.ZodObject<z.ZodRawShape>>[]): DynamicModule {
    const providers: Provider[] = definitions.map((definition) => ({
      provide: definition.token,
      useFactory: () => loadConfig(definition),
    }));
    return { module: ConfigModule, providers, exports: providers, global: false };
  }
}
