import { defineLifecycle } from '@hub/workflow';

/** A hotline is active until retired; a retired one is neither edited nor retired again. */
export type ResourceStatus = 'ACTIVE' | 'RETIRED';

/** The workflow kernel's lifecycle table, for its one ILLEGAL_TRANSITION shape. */
export const RESOURCE_LIFECYCLE = defineLifecycle<ResourceStatus, 'update' | 'retire'>('Resource', {
  update: { from: ['ACTIVE'] },
  retire: { from: ['ACTIVE'], to: 'RETIRED' },
});

export const resourceStatusOf = (resource: { retiredAt: Date | null }): ResourceStatus =>
  resource.retiredAt === null ? 'ACTIVE' : 'RETIRED';
