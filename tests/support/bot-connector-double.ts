/**
 * A Bot Connector stand-in on 127.0.0.1: the `serviceUrl` a Teams activity names. The real bot
 * (CloudAdapter and its connector client) answers and posts into it over HTTP; it records every
 * call and answers as Teams does, so a test sees exactly what would have reached a channel.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** One message the bot sent (POST) or replaced (PUT) through the connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  /** The conversation, URL-decoded (a channel reply names `…;messageid=<thread>`). */
  conversationId: string;
  /** The activity replied to (POST) or updated (PUT); undefined for a new post. */
  activityId?: string;
  /** The id the double gave the message (new posts and replies). */
  assignedId: string;
  /** The activity as the bot sent it. */
  activity: {
    type?: string;
    text?: string;
    conversation?: { id?: string };
    attachments?: { contentType?: string; content?: unknown }[];
    [key: string]: unknown;
  };
  authorization?: string;
  /** When the double took it (ms since the epoch). */
  at: number;
}

/** A rate limit Teams enforces per bot and conversation: at most `max` messages per `windowMs`. */
export interface ConversationLimit {
  max: number;
  windowMs: number;
}

/**
 * Teams' documented limits for a bot in one conversation (sends, replies and updates alike):
 * 7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 */
export const TEAMS_CONVERSATION_LIMITS: readonly ConversationLimit[] = [
  { max: 7, windowMs: 1_000 },
  { max: 8, windowMs: 2_000 },
  { max: 60, windowMs: 30_000 },
  { max: 1_800, windowMs: 3_600_000 },
];

export interface BotConnectorDoubleOptions {
  /** Enforce these limits per conversation with 429 and Retry-After (default: none). */
  limits?: readonly ConversationLimit[];
}

export interface BotConnectorDouble {
  /** The service URL to put into incoming activities (with its trailing slash, as Teams sends it). */
  serviceUrl: string;
  /** Every send and update, in order. */
  readonly calls: readonly ConnectorCall[];
  /** New messages posted into a conversation (not replies, not updates): what starts a channel thread. */
  posts(conversationId: string): ConnectorCall[];
  /** Calls answered 429 because a conversation limit was reached (not in `calls`). */
  readonly throttled: number;
  /** Resolves to the first call that matches, waiting up to `timeoutMs` for it. */
  waitFor(match: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

/** Starts the double on a free port. */
export async function startBotConnectorDouble(options: BotConnectorDoubleOptions = {}): Promise<BotConnectorDouble> {
  const calls: ConnectorCall[] = [];
  // Accepted calls' times per conversation (a thread reply counts in its channel's conversation).
  const accepted = new Map<string, number[]>();
  const limits = options.limits ?? [];
  const longest = Math.max(0, ...limits.map((l) => l.windowMs));
  let throttled = 0;
  const waiters: { match: (call: ConnectorCall) => boolean; resolve: (call: ConnectorCall) => void }[] = [];
  let next = 1;
  const record = (made: Omit<ConnectorCall, 'at'>): void => {
    const call: ConnectorCall = { ...made, at: Date.now() };
    calls.push(call);
    for (const waiter of waiters.filter((w) => w.match(call))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  };

  const app = express();
  app.use(express.json({ limit: '1mb' }));
  if (limits.length > 0) {
    app.use('/v3/conversations/:conversationId/activities', (req, res, next) => {
      if (req.method !== 'POST' && req.method !== 'PUT') return next();
      const conversation = decodeURIComponent(req.params.conversationId).split(';messageid=')[0];
      const now = Date.now();
      const times = (accepted.get(conversation) ?? []).filter((t) => t > now - longest);
      // The wait until every window has room again: Teams answers 429 with Retry-After.
      let waitMs = 0;
      for (const limit of limits) {
        const inWindow = times.filter((t) => t > now - limit.windowMs);
        if (inWindow.length >= limit.max)
          waitMs = Math.max(waitMs, inWindow[inWindow.length - limit.max] + limit.windowMs - now);
      }
      if (waitMs > 0) {
        throttled += 1;
        accepted.set(conversation, times);
        res
          .status(429)
          .set('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))))
          .json({ error: { code: 'TooManyRequests', message: 'Too many requests.' } });
        return;
      }
      times.push(now);
      accepted.set(conversation, times);
      next();
    });
  }
  app.post('/v3/conversations/:conversationId/activities', (req, res) => {
    const assignedId = `posted-${next++}`;
    record({
      method: 'POST',
      conversationId: req.params.conversationId,
      assignedId,
      activity: req.body,
      authorization: req.headers.authorization,
    });
    res.json({ id: assignedId });
  });
  app.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const assignedId = `reply-${next++}`;
    record({
      method: 'POST',
      conversationId: req.params.conversationId,
      activityId: req.params.activityId,
      assignedId,
      activity: req.body,
      authorization: req.headers.authorization,
    });
    res.json({ id: assignedId });
  });
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record({
      method: 'PUT',
      conversationId: req.params.conversationId,
      activityId: req.params.activityId,
      assignedId: req.params.activityId,
      activity: req.body,
      authorization: req.headers.authorization,
    });
    res.json({ id: req.params.activityId });
  });
  // Anything else the bot asks Teams for (members, team details) is not part of the double.
  app.use(
    (_req, res) =>
      void res.status(404).json({ error: { code: 'NotFound', message: 'Not in the Bot Connector double.' } }),
  );

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    get throttled() {
      return throttled;
    },
    posts: (conversationId) =>
      calls.filter((c) => c.method === 'POST' && c.activityId === undefined && c.conversationId === conversationId),
    waitFor: (match, timeoutMs = 15_000) => {
      const seen = calls.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<ConnectorCall>((resolve, reject) => {
        const waiter = {
          match,
          resolve: (call: ConnectorCall) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(
            new Error(
              `The Bot Connector double saw no matching call within ${timeoutMs} ms; it saw ${calls.length}: ${calls.map((c) => `${c.method} ${c.conversationId}${c.activityId ? `/${c.activityId}` : ''}`).join(', ') || 'none'}.`,
            ),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The bot's connector client keeps its connections alive: do not wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}
