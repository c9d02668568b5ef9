import { setLegalHold } from '../../src/domain';
import { aClosedIncident } from '../contract/incident-culling-contract';
import { describeLegalHoldContract } from '../contract/legal-hold-contract';
import { GraphDouble } from '../support/graph-double';
import { aDpo } from '../support/incident-mother';
import { openOnNewSite } from './support/sharepoint-fixture';

let double: GraphDouble;

beforeAll(async () => {
  double = await GraphDouble.start({ maxPageSize: 3 });
});

afterAll(async () => {
  await double.close();
});

describeLegalHoldContract('sharepoint (Graph double)', async () => ({ stores: (await openOnNewSite(double)).stores }));

describe('the legal hold on SharePoint', () => {
  it('projects the reason into the register column Spärr mot gallring, and empties it once lifted', async () => {
    const { stores, siteId } = await openOnNewSite(double);
    try {
      const incident = await aClosedIncident(stores.incidents);
      expect(double.items(siteId, 'PuiIncidents')[0].LegalHold ?? null).toBeNull();
      const set = setLegalHold(incident, { reason: 'court' }, aDpo, new Date('2026-12-02T09:00:00.000Z'));
      await stores.incidents.update(set.next, incident.etag, set.event);
      expect(double.items(siteId, 'PuiIncidents')[0].LegalHold).toBe('Mål i domstol');
      expect(double.columns(siteId, 'PuiIncidents').map((c) => c.name)).toContain('LegalHold');
    } finally {
      await stores.close();
    }
  });
});
