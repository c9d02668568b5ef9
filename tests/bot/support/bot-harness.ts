/**
 * A bot on botbuilder's TestAdapter over a real SQLite store, with a virtual clock, a pacer that
 * waits in virtual time, and a fake DPO channel that records every post and update; composed as
 * src/main.ts composes it: use cases → outbox → delivery loop → the bot's poster → the channel.
 */
import { randomUUID } from 'node:crypto';
import {
  TestAdapter,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type ChannelAccount,
  type ConversationAccount,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import { createTeamsBot, type TeamsBot, type TeamsBotConfig } from '../../../bot';
import type { AdaptiveCard, CardElement } from '../../../bot/cards/adaptive-card';
import type { ConversationGateway } from '../../../bot/conversation-gateway';
import type { DirectoryLookup } from '../../../bot/dpo-directory';
import type { StoredReference } from '../../../bot/channel-address';
import { ConversationPacer } from '../../../bot/pacer';
import type { ActionData } from '../../../bot/verbs';
import type { AppStateStore, Clock, IncidentStore, Stores } from '../../../src/domain';
import { createLogger } from '../../../src/server/logger';
import { SqliteStores } from '../../../src/store/sqlite/sqlite-stores';
import { DeliveryLoop, outboxFor, type ReportRateLimiter, type UseCaseDeps } from '../../../src/use-cases';

/** A clock that only moves when told to (or when the pacer "waits"). */
export class VirtualClock implements Clock {
  private t: number;
  constructor(start = '2026-11-20T09:00:00.000Z') {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  ms(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += Math.max(0, ms);
  }
  private sleepers: { at: number; resolve: () => void }[] = [];
  private tickScheduled = false;

  /**
   * Waiting in virtual time: like fake timers that advance when everything else is idle. The clock
   * jumps to the earliest sleeper's time only after all pending work at the current time has run
   * (setImmediate comes after every microtask), so what happens "at once" happens at one instant.
   */
  sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.sleepers.push({ at: this.t + Math.max(0, ms), resolve });
      this.scheduleTick();
    });

  private scheduleTick(): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    setImmediate(() => {
      this.tickScheduled = false;
      if (this.sleepers.length === 0) return;
      this.t = Math.max(this.t, Math.min(...this.sleepers.map((s) => s.at)));
      const due = this.sleepers.filter((s) => s.at <= this.t);
      this.sleepers = this.sleepers.filter((s) => s.at > this.t);
      for (const s of due) s.resolve();
      if (this.sleepers.length > 0) this.scheduleTick();
    });
  }
}

export interface ChannelOp {
  kind: 'send' | 'update';
  conversationId: string;
  activityId: string;
  content: AdaptiveCard;
  at: number;
}

/** The DPO channel as the bot sees it: records posts and updates; can be told to fail. */
export class FakeGateway implements ConversationGateway {
  readonly ops: ChannelOp[] = [];
  private readonly failures: unknown[] = [];
  private next = 1;
  constructor(private readonly clock: VirtualClock) {}

  /** The next calls throw these, in order. */
  failNext(...errors: unknown[]): void {
    this.failures.push(...errors);
  }

  get posts(): ChannelOp[] {
    return this.ops.filter((o) => o.kind === 'send');
  }

  get updates(): ChannelOp[] {
    return this.ops.filter((o) => o.kind === 'update');
  }

  /** The card as the channel shows it now (last post or update of that activity). */
  current(activityId: string): AdaptiveCard | undefined {
    return [...this.ops].reverse().find((o) => o.activityId === activityId)?.content;
  }

  async send(reference: StoredReference, activity: Partial<Activity>): Promise<string> {
    this.maybeFail();
    const activityId = `card-${this.next++}`;
    this.ops.push({
      kind: 'send',
      conversationId: reference.conversation.id,
      activityId,
      content: activity.attachments![0].content as AdaptiveCard,
      at: this.clock.ms(),
    });
    return activityId;
  }

  async update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    this.maybeFail();
    this.ops.push({
      kind: 'update',
      conversationId: reference.conversation.id,
      activityId,
      content: activity.attachments![0].content as AdaptiveCard,
      at: this.clock.ms(),
    });
  }

  private maybeFail(): void {
    if (this.failures.length > 0) throw this.failures.shift();
  }
}

export interface TestUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export const anna: TestUser = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Handläggare' };
export const dana: TestUser = { id: '29:dana', aadObjectId: 'aad-dana', name: 'Dana Dataskydd' };
export const erik: TestUser = { id: '29:erik', aadObjectId: 'aad-erik', name: 'Erik Kollega' };

export const DPO_CHANNEL_ID = '19:dpo-channel@thread.tacv2';
export const OTHER_CHANNEL_ID = '19:other-channel@thread.tacv2';
const SERVICE_URL = 'https://smba.example.test/emea/';
const BOT: ChannelAccount = { id: '28:pui-desk', name: 'PUI Desk' };

export type Where = 'personal' | 'dpo-channel' | 'other-channel' | 'group';

function conversationOf(where: Where, user: TestUser): ConversationAccount {
  switch (where) {
    case 'personal':
      return {
        id: `a:personal-${user.aadObjectId}`,
        conversationType: 'personal',
        tenantId: 'tenant',
        isGroup: false,
        name: '',
      };
    case 'dpo-channel':
      return {
        id: `${DPO_CHANNEL_ID};messageid=1700000000000`,
        conversationType: 'channel',
        tenantId: 'tenant',
        isGroup: true,
        name: '',
      };
    case 'other-channel':
      return { id: OTHER_CHANNEL_ID, conversationType: 'channel', tenantId: 'tenant', isGroup: true, name: '' };
    case 'group':
      return { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: 'tenant', isGroup: true, name: '' };
  }
}

export interface HarnessOptions {
  config?: Partial<TeamsBotConfig>;
  /** Stores to use instead of fresh in-memory ones; the caller closes them. */
  stores?: Stores;
  clock?: VirtualClock;
  /** Holds reporters to a report rate, as src/main.ts does (default: no limit). */
  reportRate?: ReportRateLimiter;
  /** Whom reminders chase when nobody owns the incident (config DPO_MENTIONS). */
  dpoMentions?: { id: string; name: string }[];
  /** Who the directory says is in which DPO group and holds which app role (default: nobody asked). */
  directoryLookup?: DirectoryLookup;
}

export interface Harness {
  store: IncidentStore;
  appState: AppStateStore;
  clock: VirtualClock;
  gateway: FakeGateway;
  logLines: string[];
  deps: UseCaseDeps;
  teamsBot: TeamsBot;
  /** The delivery loop over the bot's poster. */
  delivery: DeliveryLoop;
  adapter: TestAdapter;
  /** Sends a message; resolves to what the bot sent back. */
  say(text: string, user?: TestUser, where?: Where, locale?: string): Promise<Partial<Activity>[]>;
  /** Presses an Action.Execute button; resolves to the invoke response. */
  execute(
    data: ActionData,
    inputs?: Record<string, unknown>,
    user?: TestUser,
    where?: Where,
    options?: { trigger?: 'manual' | 'automatic'; locale?: string },
  ): Promise<AdaptiveCardInvokeResponse>;
  /** A message extension invoke (`composeExtension/fetchTask` or `submitAction`). */
  messageExtension(
    name: 'composeExtension/fetchTask' | 'composeExtension/submitAction',
    value: Record<string, unknown>,
    user?: TestUser,
    where?: Where,
    locale?: string,
  ): Promise<MessagingExtensionActionResponse>;
  /** Delivers everything the outbox has due now. */
  drain(): Promise<void>;
  /**
   * Delivers everything pending, letting the virtual clock run on to each next turn as the
   * delivery loop's timer would (a reporter's burst is spread over turns: src/use-cases/reporter-lanes.ts).
   */
  drainAll(): Promise<void>;
  close(): Promise<void>;
}

/** The bot with a local profile (everyone is DPO) unless `config` says otherwise. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const stores = options.stores ?? SqliteStores.open(':memory:');
  const { incidents: store, appState } = stores;
  const clock = options.clock ?? new VirtualClock();
  const gateway = new FakeGateway(clock);
  const logLines: string[] = [];
  const logger = createLogger('info', (line) => logLines.push(line));
  const outbox = outboxFor(appState, clock);
  const deps: UseCaseDeps = {
    store,
    appState,
    clock,
    logger,
    newId: randomUUID,
    outbox,
    reportRate: options.reportRate,
  };
  const config: TeamsBotConfig = {
    profile: 'local',
    dpoUserIds: [],
    dpoGroupIds: [],
    tabUrl: 'http://127.0.0.1:3978/tab/',
    ...options.config,
  };
  const pacer = new ConversationPacer({ now: () => clock.ms(), sleep: clock.sleep });
  const teamsBot = createTeamsBot({ deps, config, logger, gateway, pacer, directoryLookup: options.directoryLookup });
  const delivery = new DeliveryLoop({ ...deps, outbox }, teamsBot.poster, {
    owner: 'test-instance',
    logger,
    pollMs: 3_600_000,
    dpoMentions: options.dpoMentions,
  });
  delivery.start();
  const adapter = new TestAdapter(async (context) => teamsBot.bot.run(context), { channelId: 'msteams' });

  // What one turn sends, captured on its own context so concurrent turns do not mix.
  const run = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    const sent: Partial<Activity>[] = [];
    await adapter.processActivity(activity, async (context) => {
      context.onSendActivities(async (_ctx, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await teamsBot.bot.run(context);
    });
    adapter.activeQueue.splice(0, adapter.activeQueue.length);
    return sent;
  };
  const account = (user: TestUser): ChannelAccount => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId });

  return {
    store,
    appState,
    clock,
    gateway,
    logLines,
    deps,
    teamsBot,
    delivery,
    adapter,
    say: (text, user = anna, where = 'personal', locale) =>
      run({
        type: 'message',
        text,
        ...(locale ? { locale } : {}),
        from: account(user),
        recipient: BOT,
        conversation: conversationOf(where, user),
        serviceUrl: SERVICE_URL,
        channelData: where.endsWith('channel')
          ? { team: { id: '19:team', name: 'Dataskydd' }, channel: { id: DPO_CHANNEL_ID, name: 'DPO' } }
          : {},
      }),
    async execute(data, inputs = {}, user = anna, where = 'personal', opts = {}) {
      const replies = await run({
        type: 'invoke',
        name: 'adaptiveCard/action',
        from: account(user),
        recipient: BOT,
        conversation: conversationOf(where, user),
        serviceUrl: SERVICE_URL,
        ...(opts.locale ? { locale: opts.locale } : {}),
        value: {
          action: { type: 'Action.Execute', verb: data.verb, data: { ...data, ...inputs } },
          trigger: opts.trigger ?? 'manual',
        },
      });
      const response = replies.find((a) => a.type === 'invokeResponse');
      if (!response) throw new Error(`No invoke response; got ${replies.map((a) => a.type).join(', ')}`);
      return (response.value as { body: AdaptiveCardInvokeResponse }).body;
    },
    async messageExtension(name, value, user = anna, where = 'other-channel', locale) {
      const replies = await run({
        type: 'invoke',
        name,
        ...(locale ? { locale } : {}),
        from: account(user),
        recipient: BOT,
        conversation: conversationOf(where, user),
        serviceUrl: SERVICE_URL,
        value,
      });
      const response = replies.find((a) => a.type === 'invokeResponse');
      if (!response) throw new Error('No invoke response');
      return (response.value as { body: MessagingExtensionActionResponse }).body;
    },
    drain: () => delivery.drain(),
    async drainAll() {
      for (let round = 0; round < 10_000; round++) {
        await delivery.drain();
        const next = await outbox.nextDueAt();
        if (!next) return;
        clock.advance(Math.max(100, next.getTime() - clock.ms()));
      }
      throw new Error('The outbox did not empty.');
    },
    async close() {
      await delivery.stop();
      if (!options.stores) await stores.close();
    },
  };
}

/** The Adaptive Card in a bot reply (a message with one card attachment). */
export function cardOf(activity: Partial<Activity> | undefined): AdaptiveCard {
  const attachment = activity?.attachments?.[0];
  if (!attachment || attachment.contentType !== 'application/vnd.microsoft.card.adaptive')
    throw new Error('Not a card message');
  return attachment.content as AdaptiveCard;
}

/** The card of an invoke response that replaces a card. */
export function responseCard(response: AdaptiveCardInvokeResponse): AdaptiveCard {
  if (response.type !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`Not a card response: ${response.type} ${JSON.stringify(response.value)}`);
  return response.value as unknown as AdaptiveCard;
}

/** Every text a card shows, one string (for "contains" checks). */
export function cardText(content: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value', 'label', 'placeholder'])
        if (typeof o[key] === 'string') out.push(o[key] as string);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(content);
  return out.join('\n');
}

/** Every element of a card's body, those inside containers too (the report card's *Fler uppgifter*). */
export function cardElements(content: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const walk = (elements: readonly CardElement[]): void => {
    for (const e of elements) {
      out.push(e);
      if (e.type === 'Container') walk(e.items);
    }
  };
  walk(content.body);
  return out;
}

/**
 * What a Teams client sends back from a form card: every input's value as the card shows it
 * (hidden ones too, as Teams sends them), with what the user typed or chose on top.
 */
export function filledIn(content: AdaptiveCard, typed: Record<string, string> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const e of cardElements(content)) {
    if (!e.type.startsWith('Input.')) continue;
    const input = e as { id: string; value?: string | number };
    values[input.id] = input.value === undefined ? '' : String(input.value);
  }
  return { ...values, ...typed };
}

/** The ids of a card's inputs, in order. */
export function cardInputIds(content: AdaptiveCard): string[] {
  return cardElements(content)
    .filter((e) => e.type.startsWith('Input.'))
    .map((e) => (e as { id: string }).id);
}

/** Finds the Action.Execute (possibly inside a ShowCard) with the verb. */
export function findExecute(
  content: AdaptiveCard,
  verb: ActionData['verb'],
): { verb: string; data: ActionData } | undefined {
  let found: { verb: string; data: ActionData } | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (
        (o.type === 'Action.Execute' || o.type === 'Action.Submit') &&
        (o.data as ActionData | undefined)?.verb === verb
      )
        found = { verb, data: o.data as ActionData };
      else Object.values(o).forEach(walk);
    }
  };
  walk(content.actions);
  walk(content.body);
  return found;
}

/** A valid report form as the client sends it back. */
export function validForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Utredning skickad till fel mottagare',
    description: 'Ett mejl med en utredning om ett barn skickades till en extern mottagare med liknande namn.',
    discoveredDate: '2026-11-20',
    discoveredTime: '09:30',
    occurredDate: '2026-11-19',
    occurredTime: '16:05',
    breachTypes: 'confidentiality',
    dataCategories: 'social-services,children',
    affectedCount: '2',
    cause: 'human-error',
    measures: 'Mottagaren har ombetts radera mejlet.',
    ...overrides,
  };
}
