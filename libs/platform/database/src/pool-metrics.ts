import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Metrics } from '@hub/observability';

/**
 * The connection pool as Prometheus sees it, read at each scrape: connections in use and idle,
 * requests waiting for one, and the pool's size. Waiting above zero for long means the pool (or
 * the database) is the bottleneck.
 */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onModuleInit(): void {
    if (!this.metrics) return;
    const pool = () => (this.dataSource.driver as unknown as { master?: Pool }).master;
    this.metrics.gauge({
      name: 'hub_db_pool_connections',
      help: 'Connections of the database pool by state (in_use, idle) and the pool maximum (max)',
      labelNames: ['state'] as const,
      collect() {
        const current = pool();
        if (!current) return;
        this.set({ state: 'in_use' }, current.totalCount - current.idleCount);
        this.set({ state: 'idle' }, current.idleCount);
        this.set({ state: 'max' }, current.options.max ?? 0);
      },
    });
    this.metrics.gauge({
      name: 'hub_db_pool_waiting',
      help: 'Queries waiting for a free connection of the pool',
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
  }
}
