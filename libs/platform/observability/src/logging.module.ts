import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { ConfigModule } from '@hub/config';
import { loggingConfig, LoggingConfig } from './logging.config';
import { loggerOptions } from './logger-options';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Structured JSON logs (pino), one request id per request — taken from `X-Request-Id` when a
 * proxy sent a sane one, else new — echoed back in the response header. Each request has one
 * access line (method, path — a GET query string carries the document and its variables — and
 * status); errors are reported separately, once, where they are understood.
 */
@Module({})
export class LoggingModule {
  /**
   * `destination` defaults to stdout; tests pass a stream to read what the app really logs.
   * `personalFields`: the field names the process must never log (the API passes the survivor fields).
   */
  static forRoot(
    options: { destination?: Writable; personalFields?: readonly string[] } = {},
  ): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          imports: [ConfigModule.forFeature(loggingConfig)],
          inject: [loggingConfig.token],
          useFactory: (config: LoggingConfig) => {
            const httpOptions = {
              ...loggerOptions(config.LOG_LEVEL, options.personalFields),
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
                res.setHeader('X-Request-Id', id);
                return id;
              },
              // The access line is not the error report: errors are logged, once and with the
              // request id, where they are understood (errorReportingPlugin, HubExceptionFilter).
              customLogLevel: (_req: IncomingMessage, res: ServerResponse) =>
                res.statusCode >= 500 ? 'warn' : 'info',
              customErrorObject: (
                _req: IncomingMessage,
                _res: ServerResponse,
                _error: Error,
                line: Record<string, unknown>,
              ) => {
                const { err: _err, ...rest } = line;
                return rest;
              },
              autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
              serializers: {
                ...loggerOptions(config.LOG_LEVEL).serializers,
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url?.split('?')[0],
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            };
            return { pinoHttp: options.destination ? [httpOptions, options.destination] : httpOptions };
          },
        }),
      ],
    };
  }
}
