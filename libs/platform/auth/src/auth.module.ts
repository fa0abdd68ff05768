import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigModule } from '@hub/config';
import { authConfig } from './auth.config';
import { AuthGuard } from './auth.guard';
import { AuthenticationMiddleware } from './authentication.middleware';
import { TokenVerifier } from './token-verifier';

/** Token verification on every route and the global deny-by-default guard. */
@Module({
  imports: [ConfigModule.forFeature(authConfig)],
  providers: [TokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthenticationMiddleware).forRoutes('*path');
  }
}
