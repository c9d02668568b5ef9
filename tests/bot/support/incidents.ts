/** Stored-looking incidents for card tests, built by the domain through the shared object mother. */
import { randomUUID } from 'node:crypto';
import type { Incident } from '../../../src/domain';
import { aNewIncident } from '../../support/incident-mother';

/** An incident as the store would return it. */
export function anIncident(overrides: Partial<Incident> = {}): Incident {
  return { ...aNewIncident(overrides), id: randomUUID(), number: 'PUI-2026-0007', etag: randomUUID(), ...overrides };
}
