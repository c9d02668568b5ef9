import { GraphError } from '../../../src/store/sharepoint/graph-error';
import type { GraphHttp } from '../../../src/store/sharepoint/graph-http';
import { GraphDouble } from '../../support/graph-double';
import { doubleHttp } from '../support/sharepoint-fixture';

let double: GraphDouble;
let http: GraphHttp;
let siteId: string;
let items: string;

const columns = [
  { name: 'Code', text: { allowMultipleLines: false }, indexed: true, enforceUniqueValues: true },
  { name: 'Due', dateTime: {}, indexed: true },
  { name: 'Count', number: {}, indexed: true },
  { name: 'Note', text: { allowMultipleLines: true } },
  { name: 'Colour', choice: { choices: ['red', 'green'] } },
];

async function list(path: string, headers?: Record<string, string>) {
  return (
    await http.send<{
      value: { id: string; eTag: string; fields?: Record<string, unknown> }[];
      '@odata.nextLink'?: string;
    }>('test', 'GET', path, { headers })
  ).body;
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as GraphError,
  );

beforeAll(async () => {
  double = await GraphDouble.start();
  http = doubleHttp(double);
});

afterAll(async () => {
  await double.close();
});

beforeEach(async () => {
  siteId = double.addSite('contoso.sharepoint.com', `/sites/t-${Math.random().toString(36).slice(2)}`);
  const created = await http.send<{ id: string }>('test', 'POST', `/sites/${siteId}/lists`, {
    body: { displayName: 'Things', columns, list: { template: 'genericList' } },
  });
  items = `/sites/${siteId}/lists/${created.body.id}/items`;
  for (const [code, due, count] of [
    ['a', '2026-01-03T10:00:00.400Z', 3],
    ['b', '2026-01-01T10:00:00Z', 1],
    ['c', '2026-01-02T10:00:00Z', 2],
    ['d', null, 4],
  ] as const) {
    await http.send('test', 'POST', items, { body: { fields: { Title: code, Code: code, Due: due, Count: count } } });
  }
  double.clearFailures();
});

describe('GraphDouble', () => {
  it('finds a site by host and path, and by id', async () => {
    const site = double.addSite('contoso.sharepoint.com', '/sites/register');
    const byPath = await http.send<{ id: string; webUrl: string }>(
      'test',
      'GET',
      '/sites/contoso.sharepoint.com:/sites/register',
    );
    const byId = await http.send<{ id: string }>('test', 'GET', `/sites/${site}`);
    expect(byPath.body).toMatchObject({ id: site, webUrl: 'https://contoso.sharepoint.com/sites/register' });
    expect(byId.body.id).toBe(site);
    expect(await rejection(http.send('test', 'GET', '/sites/contoso.sharepoint.com:/sites/nope'))).toMatchObject({
      status: 404,
      code: 'itemNotFound',
    });
  });

  it('answers 401 without a bearer token', async () => {
    const response = await fetch(`${double.url}/v1.0/sites/${siteId}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('filters on fields with eq, ne, lt, le, gt, ge, and, or', async () => {
    const codes = async (filter: string) =>
      (await list(`${items}?$expand=fields&$filter=${encodeURIComponent(filter)}&$orderby=fields/Code`)).value.map(
        (i) => i.fields!.Code,
      );
    expect(await codes("fields/Code eq 'B'")).toEqual(['b']); // text compares without case, as SharePoint does
    expect(await codes("fields/Code ne 'b'")).toEqual(['a', 'c', 'd']);
    expect(await codes('fields/Count lt 2')).toEqual(['b']);
    expect(await codes('fields/Count le 2')).toEqual(['b', 'c']);
    expect(await codes('fields/Count gt 3')).toEqual(['d']);
    expect(await codes("fields/Due ge '2026-01-02T10:00:00Z'")).toEqual(['a', 'c']);
    expect(await codes("fields/Count ge 2 and fields/Due le '2026-01-02T10:00:00Z'")).toEqual(['c']);
    expect(await codes("fields/Code eq 'a' or fields/Code eq 'd'")).toEqual(['a', 'd']);
  });

  it('keeps dateTime to the second and leaves empty fields out', async () => {
    const page = await list(`${items}?$expand=fields($select=Code,Due)&$orderby=fields/Code`);
    expect(page.value[0].fields).toEqual({
      '@odata.etag': page.value[0].eTag,
      id: page.value[0].id,
      Code: 'a',
      Due: '2026-01-03T10:00:00Z',
    });
    expect(page.value[3].fields).not.toHaveProperty('Due');
  });

  it('sorts, pages with $top and @odata.nextLink, and gives no link after the last page', async () => {
    const first = await list(`${items}?$expand=fields&$orderby=${encodeURIComponent('fields/Due desc')}&$top=3`);
    expect(first.value.map((i) => i.fields!.Code)).toEqual(['a', 'c', 'b']);
    const second = await list(http.relative(first['@odata.nextLink']!));
    expect(second.value.map((i) => i.fields!.Code)).toEqual(['d']); // empty values sort first ascending, last descending
    expect(second['@odata.nextLink']).toBeUndefined();
  });

  it('refuses a filter on an unindexed column unless asked to honour it, and past the threshold even then', async () => {
    const path = `${items}?$filter=${encodeURIComponent("fields/Colour eq 'red'")}`;
    const refused = await rejection(http.send('test', 'GET', path));
    expect(refused).toMatchObject({ status: 400, code: 'invalidRequest' });
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    expect((await list(path, prefer)).value).toEqual([]);

    double.listViewThreshold = 3;
    try {
      expect(await rejection(http.send('test', 'GET', path, { headers: prefer }))).toMatchObject({ status: 500 });
      expect((await list(`${items}?$filter=${encodeURIComponent("fields/Code eq 'a'")}`)).value).toHaveLength(1);
    } finally {
      double.listViewThreshold = 5000;
    }
  });

  it('answers 412 to a stale If-Match and 409 to a duplicate in a unique column', async () => {
    const [item] = (await list(`${items}?$filter=${encodeURIComponent("fields/Code eq 'a'")}`)).value;
    const updated = await http.send<Record<string, unknown>>('test', 'PATCH', `${items}/${item.id}/fields`, {
      body: { Count: 9 },
      headers: { 'If-Match': item.eTag },
    });
    expect(updated.body['@odata.etag']).not.toBe(item.eTag);
    expect(
      await rejection(
        http.send('test', 'PATCH', `${items}/${item.id}/fields`, {
          body: { Count: 10 },
          headers: { 'If-Match': item.eTag },
        }),
      ),
    ).toMatchObject({ status: 412 });
    expect(await rejection(http.send('test', 'POST', items, { body: { fields: { Code: 'A' } } }))).toMatchObject({
      status: 409,
      code: 'nameAlreadyExists',
    });
  });

  it('refuses a multiple lines of text value over 63,999 characters with 400 invalidRequest, and changes nothing', async () => {
    const [item] = (await list(`${items}?$filter=${encodeURIComponent("fields/Code eq 'a'")}`)).value;
    const atLimit = 'x'.repeat(63_999);

    await http.send('test', 'PATCH', `${items}/${item.id}/fields`, { body: { Note: atLimit } });
    const refused = await rejection(
      http.send('test', 'PATCH', `${items}/${item.id}/fields`, { body: { Note: `${atLimit}y`, Count: 99 } }),
    );
    // GraphError keeps no body; the raw answer shows what the double says.
    const created = await fetch(`${double.url}/v1.0${items}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { Code: 'long', Note: `${atLimit}y` } }),
    });

    expect(refused).toMatchObject({ status: 400, code: 'invalidRequest' });
    expect(created.status).toBe(400);
    expect(await created.json()).toMatchObject({
      error: {
        code: 'invalidRequest',
        message: "The value of 'Note' is 64000 characters; a multiple lines of text column holds at most 63999.",
      },
    });
    const [after] = (await list(`${items}?$expand=fields&$filter=${encodeURIComponent("fields/Code eq 'a'")}`)).value;
    expect(after.fields).toMatchObject({ Note: atLimit, Count: 3 });
    expect((await list(`${items}?$filter=${encodeURIComponent("fields/Code eq 'long'")}`)).value).toEqual([]);
  });

  it('deletes an item, answering 412 to a stale If-Match and 404 once it is gone', async () => {
    const [item] = (await list(`${items}?$filter=${encodeURIComponent("fields/Code eq 'b'")}`)).value;
    await http.send('test', 'PATCH', `${items}/${item.id}/fields`, { body: { Count: 5 } });

    expect(
      await rejection(http.send('test', 'DELETE', `${items}/${item.id}`, { headers: { 'If-Match': item.eTag } })),
    ).toMatchObject({ status: 412 });
    const [current] = (await list(`${items}?$filter=${encodeURIComponent("fields/Code eq 'b'")}`)).value;
    expect(
      (await http.send('test', 'DELETE', `${items}/${item.id}`, { headers: { 'If-Match': current.eTag } })).status,
    ).toBe(204);
    expect(await rejection(http.send('test', 'DELETE', `${items}/${item.id}`))).toMatchObject({ status: 404 });
    expect((await list(`${items}?$filter=${encodeURIComponent("fields/Code eq 'b'")}`)).value).toEqual([]);
  });

  it('rejects fields that are not columns and values that are not among the choices', async () => {
    expect(await rejection(http.send('test', 'POST', items, { body: { fields: { Nope: 'x' } } }))).toMatchObject({
      status: 400,
    });
    expect(await rejection(http.send('test', 'POST', items, { body: { fields: { Colour: 'blue' } } }))).toMatchObject({
      status: 400,
    });
  });

  it('runs a $batch in order, fails dependants with 424, and answers each by id', async () => {
    const answers = await http.batch('test', [
      { id: '1', method: 'POST', url: items, body: { fields: { Code: 'e' } } },
      { id: '2', method: 'POST', url: items, body: { fields: { Code: 'e' } }, dependsOn: ['1'] },
      { id: '3', method: 'POST', url: items, body: { fields: { Code: 'f' } }, dependsOn: ['2'] },
      { id: '4', method: 'GET', url: `${items}?$top=1` },
    ]);
    expect([...answers.values()].map((a) => [a.id, a.status]).sort()).toEqual([
      ['1', 201],
      ['2', 409],
      ['3', 424],
      ['4', 200],
    ]);
    await expect(
      http.batch(
        'test',
        Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET' as const, url: items })),
      ),
    ).rejects.toThrow('at most 20');
  });

  it('injects 429 with Retry-After, inside a batch too, and counts requests and resource units', async () => {
    double.inject({ match: { inBatch: true, method: 'GET' }, status: 429, retryAfter: 7 });
    double.resetStats();
    const answers = await http.batch('test', [
      { id: 'a', method: 'GET', url: `${items}/1` },
      { id: 'b', method: 'GET', url: `${items}/2` },
    ]);
    expect(answers.get('a')).toMatchObject({ status: 429, headers: { 'retry-after': '7' } });
    expect(answers.get('b')).toMatchObject({ status: 200 });
    expect(double.stats()).toMatchObject({ requests: 1, batchedRequests: 2, resourceUnits: 1 });
  });
});
