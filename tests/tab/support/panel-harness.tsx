/** A DPO panel on a page in miniature, and the API answers its tests need. */
import { useState, type ComponentType } from 'react';
import { ApiError } from '../../../src/web/api-client';
import type { Incident } from '../../../src/web/api-contract';
import type { PuiApi } from '../../../src/tab/api/pui-api';
import type { LatestChange } from '../../../src/tab/components/change-error';
import type { PanelProps } from '../../../src/tab/incident/panel';

export interface HarnessProps {
  panel: ComponentType<PanelProps>;
  initial: Incident;
  /** What a reload brings (after a conflict): another DPO's version. */
  reloadTo?: Incident;
  latest?: LatestChange;
}

/**
 * Holds the incident as the incident page does: a change's answer replaces it, a reload brings
 * `reloadTo`. The etag shown lets a test see which version the panel holds.
 */
export function PanelHarness({ panel: Panel, initial, reloadTo, latest }: HarnessProps) {
  const [incident, setIncident] = useState(initial);
  return (
    <>
      <span data-testid="etag">{incident.etag}</span>
      <Panel
        incident={incident}
        canEdit
        onChanged={setIncident}
        onReload={() => reloadTo && setIncident(reloadTo)}
        reloading={false}
        latest={latest}
      />
    </>
  );
}

/** A typed mock of {@link PuiApi.change}. */
export function changeMock() {
  return jest.fn<ReturnType<PuiApi['change']>, Parameters<PuiApi['change']>>();
}

/** The API's 400 for one field, as the client turns it into an ApiError. */
export function fieldRefusal(field: string, code: string, message: string): ApiError {
  return new ApiError(400, 'validation_failed', message, [{ field, code, message }]);
}

/** The API's 412: someone else changed the incident first. */
export function staleEtag(): ApiError {
  return new ApiError(412, 'conflict', 'Någon annan har ändrat incidenten sedan du öppnade den.');
}
