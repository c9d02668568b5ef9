/**
 * A server instance as far as reminders go: a store, the use-case ports, the delivery loop over the
 * real bot's card poster posting to a shared recording Teams double, and the scheduler, ticked by
 * the test on a virtual clock.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { createTeamsBot, type TeamsBot } from '../../../bot';
import type { AdaptiveCard } from '../../../bot/cards/adaptive-card';
import { addressOf, type StoredReference } from '../../../bot/channel-address';
import { ConversationPacer } from '../../../bot/pacer';
import type { AppStateStore, Caller, Incident, IncidentStore, Stores } from '../../../src/domain';
import { reminderScheduler, type IntervalTimer } from '../../../src/scheduler';
import { createLogger } from '../../../src/server/logger';
import { DeliveryLoop, outboxFor, reportIncident, setDpoChannel, type UseCaseDeps } from '../../../src/use-cases';
import { cardText, FakeGateway, type ChannelOp, type VirtualClock } from '../../bot/support/bot-harness';

export const DPO_CHANNEL_ID = '19:dpo-channel@thread.tacv2';
export const TAB_URL = 'http://127.0.0.1:3978/tab/';
export const DPO_MENTIONS = [
  { id: 'aad-dana', name: 'Dana Dataskydd' },
  { id: 'aad-dora', name: 'Dora Dataskydd' },
];

export const reporter: Caller = { id: 'aad-anna', name: 'Anna Handläggare', roles: ['reporter'] };
export const dpo: Caller = { id: 'aad-erik', name: 'Erik Ägare', roles: ['reporter', 'dpo'] };

const CHANNEL_REFERENCE: StoredReference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.example.test/emea/',
  conversation: { id: DPO_CHANNEL_ID, conversationType: 'channel', tenantId: 'tenant', isGroup: true },
  bot: { id: '28:pui-desk', name: 'PUI Desk' },
};

/** The DPO channel as Teams sees it: records posts, updates and thread replies; fails on cue per card. */
export class TeamsDouble extends FakeGateway {
  private readonly failing = new Map<string, unknown[]>();

  /** The next calls that touch this card (update, or reply in its thread) throw these, in order. */
  failFor(activityId: string, ...errors: unknown[]): void {
    this.failing.set(activityId, [...(this.failing.get(activityId) ?? []), ...errors]);
  }

  override async send(reference: StoredReference, activity: Partial<Activity>): Promise<string> {
    this.maybeFailFor(/;messageid=(.+)$/.exec(reference.conversation.id)?.[1]);
    return super.send(reference, activity);
  }

  override async update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    this.maybeFailFor(activityId);
    return super.update(reference, activityId, activity);
  }

  /** The card posted for an incident number (its first post). */
  cardOf(number: string): ChannelOp {
    const op = this.posts.find(
      (o) => o.conversationId === DPO_CHANNEL_ID && cardText(o.content).includes(`Personuppgiftsincident ${number}`),
    );
    if (!op) throw new Error(`No card posted for ${number}`);
    return op;
  }

  /** Updates of a card and replies in its thread, oldest first. */
  history(number: string): { kind: 'update' | 'reply'; at: number; text: string; content: AdaptiveCard }[] {
    const card = this.cardOf(number);
    return this.ops
      .filter(
        (o) =>
          (o.kind === 'update' && o.activityId === card.activityId) ||
          (o.kind === 'send' && o.conversationId === `${DPO_CHANNEL_ID};messageid=${card.activityId}`),
      )
      .map((o) => ({
        kind: o.kind === 'update' ? ('update' as const) : ('reply' as const),
        at: o.at,
        text: cardText(o.content),
        content: o.content,
      }));
  }

  private maybeFailFor(activityId: string | undefined): void {
    const queue = activityId ? this.failing.get(activityId) : undefined;
    if (queue?.length) throw queue.shift();
  }
}

export interface ReminderInstance {
  id: string;
  store: IncidentStore;
  appState: AppStateStore;
  deps: UseCaseDeps;
  bot: TeamsBot;
  delivery: DeliveryLoop;
  scheduler: IntervalTimer;
  /** One scheduler tick, then delivery of everything due. */
  tick(): Promise<void>;
  /** Reports an incident discovered at `discoveredAt` (its reporter is a caseworker). */
  report(discoveredAt: string, title?: string): Promise<Incident>;
  close(): Promise<void>;
}

/** An instance on `stores`, posting to `teams`. */
export function startInstance(options: {
  stores: Pick<Stores, 'incidents' | 'appState'>;
  clock: VirtualClock;
  teams: TeamsDouble;
  id?: string;
  dpoMentions?: { id: string; name: string }[];
}): ReminderInstance {
  const { clock, teams } = options;
  const { incidents: store, appState } = options.stores;
  const id = options.id ?? `instance-${randomUUID().slice(0, 8)}`;
  const logger = createLogger('silent');
  const outbox = outboxFor(appState, clock);
  const deps: UseCaseDeps = { store, appState, clock, logger, newId: randomUUID, outbox };
  const pacer = new ConversationPacer({ now: () => clock.ms(), sleep: clock.sleep });
  const bot = createTeamsBot({
    deps,
    config: { profile: 'local', dpoUserIds: [], dpoGroupIds: [], tabUrl: TAB_URL },
    logger,
    gateway: teams,
    pacer,
  });
  const delivery = new DeliveryLoop({ ...deps, outbox }, bot.poster, {
    owner: id,
    logger,
    pollMs: 3_600_000,
    dpoMentions: options.dpoMentions ?? DPO_MENTIONS,
  });
  delivery.start();
  // The loop's first pass (news queued before it started) runs as it starts: let it finish
  // before the test acts, or it may claim a report queued but not yet stored, and put it back
  // for a moment later, a moment that virtual time only reaches when the test says so.
  const settled = delivery.drain();
  // Not started: the test ticks it (the timer itself is tested on its own).
  const scheduler = reminderScheduler(deps, { intervalMs: 60_000 });
  return {
    id,
    store,
    appState,
    deps,
    bot,
    delivery,
    scheduler,
    async tick() {
      await settled;
      await scheduler.runNow();
      await delivery.drain();
    },
    async report(discoveredAt, title = 'Beslut skickat till fel adress') {
      await settled;
      const { incident } = await reportIncident(
        deps,
        reporter,
        { title, description: 'Ett beslut skickades till en gammal adress.', discoveredAt },
        'tab',
      );
      await delivery.drain();
      return incident;
    },
    async close() {
      await scheduler.stop();
      await delivery.stop();
    },
  };
}

/** Makes the test channel the DPO channel. */
export async function setTestDpoChannel(appState: AppStateStore, clock: VirtualClock): Promise<void> {
  const dana: Caller = { id: 'aad-dana', name: 'Dana Dataskydd', roles: ['reporter', 'dpo'] };
  await setDpoChannel({ appState, clock, logger: createLogger('silent') }, dana, {
    address: addressOf(CHANNEL_REFERENCE),
  });
}

/**
 * Steps the virtual clock to `until` in steps of `stepMs`, every instance ticking at each step
 * at the same moment (all ticks, then all deliveries, concurrently).
 */
export async function runUntil(
  instances: readonly ReminderInstance[],
  clock: VirtualClock,
  until: string,
  stepMs: number,
): Promise<void> {
  const end = Date.parse(until);
  while (clock.ms() < end) {
    clock.advance(Math.min(stepMs, end - clock.ms()));
    await Promise.all(instances.map((i) => i.scheduler.runNow()));
    await Promise.all(instances.map((i) => i.delivery.drain()));
  }
}

/** The @mentions of a reply card: ids mentioned. */
export function mentionedIds(content: AdaptiveCard): string[] {
  return (content.msteams?.entities ?? []).map((e) => e.mentioned.id);
}
