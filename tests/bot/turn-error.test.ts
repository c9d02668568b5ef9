import { randomUUID } from 'node:crypto';
import type { Activity, ResourceResponse } from 'botbuilder';
import { createTeamsBot, type TeamsBot } from '../../bot';
import { SOMETHING_WENT_WRONG } from '../../bot/replies';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';

/** What a person might have written, quoted by an error that escapes a turn. */
const PERSONAL = 'Beslut om 19121212-1212 till anna.svensson@kommun.se';

const message = (): Partial<Activity> => ({
  type: 'message',
  id: 'incoming-1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.example.test/emea/',
  text: PERSONAL,
  from: { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna' },
  recipient: { id: '28:pui-desk', name: 'PUI Desk' },
  conversation: { id: 'a:personal-anna', conversationType: 'personal', isGroup: false, name: '' },
});

describe('the bot turn error handler (CloudAdapter.onTurnError)', () => {
  let stores: SqliteStores;
  let teamsBot: TeamsBot;
  let logLines: string[];

  beforeEach(() => {
    stores = SqliteStores.open(':memory:');
    logLines = [];
    const logger = createLogger('info', (line) => logLines.push(line));
    teamsBot = createTeamsBot({
      deps: {
        store: stores.incidents,
        appState: stores.appState,
        clock: { now: () => new Date() },
        logger,
        newId: randomUUID,
      },
      config: { profile: 'local', dpoUserIds: [], dpoGroupIds: [], tabUrl: 'http://127.0.0.1:3978/tab/' },
      logger,
    });
  });
  afterEach(async () => {
    await stores.close();
  });

  /** Runs one turn through the CloudAdapter whose logic throws `error`; resolves to what was sent back. */
  async function failingTurn(error: Error): Promise<Partial<Activity>[]> {
    const sent: Partial<Activity>[] = [];
    // The local profile has no credentials, so the adapter accepts the turn without a token.
    await teamsBot.adapter.processActivityDirect('', message() as Activity, async (context) => {
      context.onSendActivities(async (_context, activities): Promise<ResourceResponse[]> => {
        sent.push(...activities);
        return activities.map(() => ({ id: 'reply' }));
      });
      throw error;
    });
    return sent;
  }

  it('logs the error name and stack frames, never the message', async () => {
    const error = new Error(`Kunde inte läsa "${PERSONAL}"`);
    const sent = await failingTurn(error);
    const failures = logLines.map((line) => JSON.parse(line)).filter((record) => record.message === 'bot turn failed');
    expect(failures).toHaveLength(1);
    const [record] = failures;
    expect(record).toMatchObject({ level: 'error', activityType: 'message', error: 'Error' });
    // The frames are there: where it failed is what the log is for.
    expect(record.stack).toMatch(/^at .*turn-error\.test\.ts/);
    // The message, and the stack's first line that repeats it, are not.
    const logged = logLines.join('\n');
    expect(logged).not.toContain('Kunde inte läsa');
    expect(logged).not.toMatch(/19121212|1212-1212|anna\.svensson|kommun\.se/);
    expect(sent.map((a) => a.text)).toEqual([SOMETHING_WENT_WRONG]);
  });

  it('logs no stack at all rather than a message when the thrown value has no stack', async () => {
    const error = Object.assign(new Error(PERSONAL), { stack: undefined });
    await failingTurn(error);
    const logged = logLines.join('\n');
    expect(logged).toContain('"message":"bot turn failed"');
    expect(logged).not.toMatch(/19121212|anna\.svensson/);
  });
});
