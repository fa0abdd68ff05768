import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigModule } from '@hub/config';
import { authConfig } from './auth.config';
import { AuthGuard } from './auth.guard';
import { AuthenticationMiddleware } from './authentication.middleware';
import { ConnectionAuthenticator } from './connection-authenticator';
import { TokenVerifier } from './token-verifier';

/** Token verification on every route and live connection, and the global deny-by-default guard. */
@Module({
  imports: [ConfigModule.forFeature(authConfig)],
  providers: [TokenVerifier, ConnectionAuthenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier, ConnectionAuthenticator],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthenticationMiddleware).forRoutes('*path');
  }
}
