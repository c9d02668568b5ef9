import { runProvision } from '../../src/cli/provision';
import { columnDefinition, LIST_SPECS } from '../../src/store/sharepoint/list-schema';
import { GraphDouble } from '../support/graph-double';
import { doubleHttp, fakeCredential, fastRetry } from '../store/support/sharepoint-fixture';

let double: GraphDouble;

beforeAll(async () => {
  double = await GraphDouble.start();
});

afterAll(async () => {
  await double.close();
});

afterEach(() => {
  double.role = 'fullcontrol';
});

function newSite(): { id: string; url: string } {
  const path = `/sites/pui-${Math.random().toString(36).slice(2, 10)}`;
  return { id: double.addSite('contoso.sharepoint.com', path), url: `https://contoso.sharepoint.com${path}` };
}

async function run(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const env = { GRAPH_BASE_URL: double.url, SHAREPOINT_AUTH: 'managed-identity', GRAPH_ORGANISATION: 'Testkommun' };
  const code = await runProvision(args, {
    env,
    out: (line) => lines.push(line),
    credential: fakeCredential,
    retry: fastRetry(),
  });
  return { code, output: lines.join('\n') };
}

describe('provision', () => {
  it('creates the four lists with their columns, indexes and unique columns', async () => {
    const site = newSite();

    const { code, output } = await run('--site', site.url);

    expect(code).toBe(0);
    expect(output).toContain('Done: 4 changes made.');
    expect(output).toContain(`SHAREPOINT_SITE_ID=${site.id}`);
    for (const spec of LIST_SPECS) {
      const columns = double.columns(site.id, `Pui${spec.suffix}`);
      for (const column of spec.columns) {
        expect(columns).toContainEqual({
          name: column.name,
          indexed: Boolean(column.indexed || column.unique),
          enforceUniqueValues: Boolean(column.unique),
        });
      }
    }
  });

  it('changes nothing the second time, and says so', async () => {
    const site = newSite();
    await run('--site', site.url);
    double.resetStats();

    const { code, output } = await run('--site', site.id);

    expect(code).toBe(0);
    expect(output).toContain('Nothing to change: the lists, columns and indexes are already in place.');
    const writes = Object.entries(double.stats().byOperation).filter(([operation]) => !operation.startsWith('GET'));
    expect(writes).toEqual([]);
  });

  it('prints the plan and changes nothing on --dry-run', async () => {
    const site = newSite();

    const { code, output } = await run('--site', site.url, '--dry-run');

    expect(code).toBe(0);
    expect(output).toMatch(
      /\+ list PuiIncidents with \d+ columns, indexed: IncidentId, IncidentNumber, ReportId, DiscoveredAt, ReporterId, Deadline, NextReminderAt, Lifecycle/,
    );
    expect(output).toContain('+ list PuiIncidentEvents');
    expect(output).toContain('Dry run: nothing was changed.');
    expect(() => double.columns(site.id, 'PuiIncidents')).toThrow('No list PuiIncidents');
  });

  it('adds what an older or hand-made list lacks: a missing column, a missing index', async () => {
    const site = newSite();
    await run('--site', site.url);
    const http = doubleHttp(double);
    const lists = await http.send<{ value: { id: string; displayName: string }[] }>(
      'test',
      'GET',
      `/sites/${site.id}/lists`,
    );
    const events = lists.body.value.find((l) => l.displayName === 'PuiIncidentEvents')!;
    const columns = await http.send<{ value: { id: string; name: string }[] }>(
      'test',
      'GET',
      `/sites/${site.id}/lists/${events.id}/columns`,
    );
    const at = columns.body.value.find((c) => c.name === 'At')!;
    await http.send('test', 'PATCH', `/sites/${site.id}/lists/${events.id}/columns/${at.id}`, {
      body: { indexed: false },
    });

    const dry = await run('--site', site.url, '--dry-run');
    expect(dry.output).toContain('~ column PuiIncidentEvents.At: index it');

    const { output } = await run('--site', site.url);
    expect(output).toContain('Done: 1 change made.');
    expect(double.columns(site.id, 'PuiIncidentEvents')).toContainEqual({
      name: 'At',
      indexed: true,
      enforceUniqueValues: false,
    });
  });

  it("adds the outbox's due-time columns to the app-state list of an earlier version, indexing DueAt, and nothing else", async () => {
    const site = newSite();
    const http = doubleHttp(double);
    for (const spec of LIST_SPECS) {
      const columns = spec.columns.filter((c) => !['DueAt', 'DueAtExact'].includes(c.name)).map(columnDefinition);
      await http.send('test', 'POST', `/sites/${site.id}/lists`, {
        body: {
          displayName: `Pui${spec.suffix}`,
          description: spec.description,
          columns,
          list: { template: 'genericList' },
        },
      });
    }

    const dry = await run('--site', site.url, '--dry-run');
    expect(dry.output).toContain('+ column PuiAppState.DueAt (dateTime, indexed)');
    expect(dry.output).toContain('+ column PuiAppState.DueAtExact (text)');

    const { code, output } = await run('--site', site.url);
    expect(code).toBe(0);
    expect(output).toContain('Done: 2 changes made.');
    expect(double.columns(site.id, 'PuiAppState')).toEqual(
      expect.arrayContaining([
        { name: 'DueAt', indexed: true, enforceUniqueValues: false },
        { name: 'DueAtExact', indexed: false, enforceUniqueValues: false },
      ]),
    );
    expect((await run('--site', site.url)).output).toContain('Nothing to change');
  });

  it('names the missing role when the app may write items but not create lists', async () => {
    const site = newSite();
    double.role = 'write';

    const { code, output } = await run('--site', site.url);

    expect(code).toBe(1);
    expect(output).toMatch(/refused to create lists or columns \(403 accessDenied\)/);
    expect(output).toContain('Sites.Selected grant');
    expect(output).toContain('"manage"');
    expect(output).toContain(`POST https://graph.microsoft.com/v1.0/sites/${site.id}/permissions {"roles":["manage"]`);
  });

  it('names the Sites.Selected grant when the app may not see the site at all', async () => {
    const site = newSite();
    double.role = 'none';

    const { code, output } = await run('--site', site.url);

    expect(code).toBe(1);
    expect(output).toMatch(/no Sites\.Selected grant with the role "write" on that site/);
    expect(output).toContain('Sites.Selected (admin consent)');
  });

  it('names the variable when the credential is not configured', async () => {
    const lines: string[] = [];
    const code = await runProvision(['--site', 'https://contoso.sharepoint.com/sites/x'], {
      env: { GRAPH_ORGANISATION: 'Testkommun' },
      out: (l) => lines.push(l),
    });
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/SECRET_AZURE_CLIENT_SECRET/);
  });
});
