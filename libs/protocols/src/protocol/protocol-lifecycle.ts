import { defineLifecycle } from '@hub/workflow';
import { ProtocolState as P, ProtocolVersionState as V } from './protocol.enums';

/** The changes of a protocol, named after the policy's actions on `Protocol`. */
export type ProtocolTransition = 'update' | 'publish' | 'archive';

/**
 * The protocol's lifecycle (DESIGN.md §3), the record the kernel's runner changes: a draft is
 * edited (the status stays; a published protocol's edit starts its next version), published (again
 * and again: each publication puts a new version in force) and archived, after which nothing moves.
 */
export const PROTOCOL_LIFECYCLE = defineLifecycle<P, ProtocolTransition>('Protocol', {
  update: { from: [P.DRAFT, P.PUBLISHED] },
  publish: { from: [P.DRAFT, P.PUBLISHED], to: P.PUBLISHED },
  archive: { from: [P.DRAFT, P.PUBLISHED], to: P.ARCHIVED },
});

/** What happens to one version of a protocol. */
export type ProtocolVersionTransition = 'publish' | 'supersede' | 'archive' | 'acknowledge';

/**
 * A version's lifecycle: DRAFT → PUBLISHED → SUPERSEDED (a newer version was published); the draft
 * and the version in force are ARCHIVED with the whole protocol. A version moves only within its
 * protocol's change (the protocol's row is the one the runner guards), and each move is an event.
 */
export const PROTOCOL_VERSION_LIFECYCLE = defineLifecycle<V, ProtocolVersionTransition>('ProtocolVersion', {
  publish: { from: [V.DRAFT], to: V.PUBLISHED },
  supersede: { from: [V.PUBLISHED], to: V.SUPERSEDED },
  archive: { from: [V.DRAFT, V.PUBLISHED], to: V.ARCHIVED },
  // An audience agency acknowledges the version in force; the version's status stays.
  acknowledge: { from: [V.PUBLISHED] },
});
