import { startTestServer, type TestServer } from '../support/test-server';

const aReport = (overrides: Record<string, unknown> = {}) => ({
  title: 'Utredning skickad till fel mottagare',
  description: 'En utredning om ett barn skickades till en extern mottagare med liknande namn.',
  discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
  ...overrides,
});

describe('POST /api/incidents refuses characters and dates a report cannot hold', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['a right-to-left override in the title', { title: 'Faktura \u202Egpj.exe' }, 'title', 'invalid_characters'],
    ['DEL in the title', { title: 'Faktura\u007F' }, 'title', 'invalid_characters'],
    ['a C1 control in the unit', { unit: 'Skola\u0090' }, 'unit', 'invalid_characters'],
    ['a lone surrogate in the description', { description: 'Text \uD800 här' }, 'description', 'invalid_characters'],
    ['a discovery in year 0000', { discoveredAt: '0000-01-01T00:00:00Z' }, 'discoveredAt', 'too_early'],
    ['a discovery before the GDPR', { discoveredAt: '2018-05-24T12:00:00Z' }, 'discoveredAt', 'before_gdpr'],
    [
      'a discovery a year ahead',
      { discoveredAt: new Date(Date.now() + 365 * 86_400_000).toISOString() },
      'discoveredAt',
      'in_future',
    ],
    ['an occurrence in the year 26', { occurredAt: '0026-11-20T10:00:00Z' }, 'occurredAt', 'too_early'],
  ])(
    'answers 400 with a code for %s, never echoing the text, and stores nothing',
    async (_name, patch, field, code) => {
      const before = (await server.store.listAll({ limit: 500 })).items.length;
      const response = await server.call('POST', '/api/incidents', aReport(patch));
      expect(response.status).toBe(400);
      expect(response.body.error.issues).toEqual([expect.objectContaining({ field, code })]);
      expect(JSON.stringify(response.body)).not.toMatch(/gpj|Faktura|Skola|Text/);
      expect((await server.store.listAll({ limit: 500 })).items).toHaveLength(before);
    },
  );

  it('says it in English with Accept-Language: en', async () => {
    const response = await server.call('POST', '/api/incidents', aReport({ title: 'Faktura \u202Egpj.exe' }), {
      'accept-language': 'en',
    });
    expect(response.body.error.issues[0].message).toBe(
      'The title contains an invisible character that turns the reading direction (character 9), usually from pasted text. Type the text again, or paste it as plain text, and send again.',
    );
  });
});
