/**
 * The built event-runtime script as the server serves it (settings in front), run in a fresh VM
 * context with an Office stand-in: it registers the handler under the manifest's action id, and
 * the handler alerts with the configured settings.
 */
import vm from 'node:vm';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTaskPaneInto } from '../support/fresh-build';
import { startTestServer, type TestServer } from '../support/test-server';

type Handler = (event: { completed(options: unknown): void }) => void;

describe('dist/outlook/send-check.js', () => {
  let staticRoot: string;
  let server: TestServer;
  beforeAll(async () => {
    staticRoot = buildTaskPaneInto(mkdtempSync(path.join(tmpdir(), 'pui-send-bundle-')));
    server = await startTestServer({
      staticRoot,
      env: { NODE_ENV: 'test', ORGANISATION_DOMAINS: 'kalmar.se', TRUSTED_EXTERNAL_DOMAINS: 'regionkalmar.se' },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(staticRoot, { recursive: true, force: true });
  });

  /** Loads the served script with an Office stand-in whose mail goes to `to`; returns the registered handlers. */
  async function load(to: string): Promise<Map<string, Handler>> {
    const res = await server.call('GET', '/outlook/send-check.js');
    expect(res.status).toBe(200);
    const handlers = new Map<string, Handler>();
    const field = (value: unknown) => ({
      getAsync: (...args: unknown[]) => (args[args.length - 1] as (r: unknown) => void)({ status: 'succeeded', value }),
    });
    const Office = {
      actions: { associate: (name: string, handler: Handler) => handlers.set(name, handler) },
      context: {
        mailbox: {
          userProfile: { emailAddress: 'handlaggare@kalmar.se' },
          item: {
            subject: field('Beslut'),
            body: field('Gäller 121212-1212.'),
            to: field([{ displayName: '', emailAddress: to }]),
            cc: field([]),
            bcc: field([]),
          },
        },
      },
    };
    const context: Record<string, unknown> = { Office };
    context.globalThis = context;
    vm.runInNewContext(res.body as string, vm.createContext(context));
    return handlers;
  }

  function run(handler: Handler): Promise<{ allowEvent: boolean; errorMessage?: string }> {
    return new Promise((resolve) =>
      handler({ completed: (o) => resolve(o as { allowEvent: boolean; errorMessage?: string }) }),
    );
  }

  it('is a small script of its own, not the task pane bundle', () => {
    const size = statSync(path.join(staticRoot, 'outlook', 'send-check.js')).size;
    expect(size).toBeLessThan(statSync(path.join(staticRoot, 'outlook', 'main.js')).size / 10);
  });

  it('registers onMessageSendHandler, which alerts on an external recipient and lets a trusted one go', async () => {
    const handlers = await load('bo@example.com');
    expect([...handlers.keys()]).toEqual(['onMessageSendHandler']);
    const alert = await run(handlers.get('onMessageSendHandler')!);
    expect(alert.allowEvent).toBe(false);
    expect(alert.errorMessage).toContain('1 personnummer eller samordningsnummer');
    const trusted = await load('vc@regionkalmar.se');
    expect(await run(trusted.get('onMessageSendHandler')!)).toEqual({ allowEvent: true });
  });
});
