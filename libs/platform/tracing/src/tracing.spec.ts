import { trace } from '@opentelemetry/api';
import { startTracing, tracesEndpoint } from './tracing';

describe('tracing configuration', () => {
  it.each([
    ['nothing set', {}, null],
    [
      'the OTLP endpoint',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' },
      'http://collector:4318/v1/traces',
    ],
    [
      'the traces endpoint, which wins',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/t' },
      'http://b:4318/t',
    ],
    ['the SDK disabled', { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' }, null],
  ] as [string, NodeJS.ProcessEnv, string | null][])('%s → %s', (_name, env, expected) => {
    expect(tracesEndpoint(env)).toBe(expected);
  });

  it('registers nothing when not configured (the global tracer stays the no-op one)', () => {
    expect(startTracing('hub-test', {})).toBeNull();
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    span.end();
  });
});
