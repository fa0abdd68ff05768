import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
  Registry,
} from 'prom-client';

/** A label value must be a name or a code (an operation, an outcome), never data or an id. */
const LABEL_VALUE = /^[A-Za-z_][A-Za-z0-9_+.:-]{0,79}$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * What a label may carry: names of the schema and codes of the contract, nothing a caller typed.
 * Anything else becomes `other`, so an id or a piece of personal data can never become a series.
 */
export function labelValue(value: string): string {
  return LABEL_VALUE.test(value) && !UUID.test(value) ? value : 'other';
}

type Named<T> = Omit<T, 'registers'> & { name: `hub_${string}` };

/**
 * The process's Prometheus metrics (prom-client), served at /metrics. One registry per app, not
 * prom-client's global one, so two apps in one process (replica tests) count apart. Every metric
 * is named `hub_…`; Node's own (event loop, heap, GC) come with it.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'hub_' });
  }

  counter<L extends string>(config: Named<CounterConfiguration<L>>): Counter<L> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  gauge<L extends string>(config: Named<GaugeConfiguration<L>>): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<L extends string>(config: Named<HistogramConfiguration<L>>): Histogram<L> {
    return new Histogram({ ...config, registers: [this.registry] });
  }
}
