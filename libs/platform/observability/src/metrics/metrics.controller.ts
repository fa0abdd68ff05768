import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@hub/auth';
import { Metrics } from './metrics';

/**
 * Prometheus scrapes this. Open like /health (DESIGN §6 lists them together): it carries counts,
 * timings, operation names and codes, never personal data or record ids (see docs/metrics.md).
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
