/**
 * Posting into a conversation the bot is not currently talking in (the DPO channel): a small
 * port, and its botbuilder implementation through CloudAdapter's proactive messaging.
 */
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { StoredReference } from './channel-address';

/** Sends and updates messages in a stored conversation. */
export interface ConversationGateway {
  /** Posts a new message; resolves to its activity id. */
  send(reference: StoredReference, activity: Partial<Activity>): Promise<string>;
  /** Replaces a posted message (updateActivity). */
  update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void>;
}

/** A failed call to the Bot Connector, with what a retry needs to know. */
export class ConnectorError extends Error {
  constructor(
    readonly statusCode: number | undefined,
    /** From the Retry-After header of a 429 or 503, in milliseconds. */
    readonly retryAfterMs: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(`Bot Connector call failed${statusCode ? ` with HTTP ${statusCode}` : ''}.`, options);
    this.name = 'ConnectorError';
  }
}

/** Reads Retry-After: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  if (typeof h.get === 'function') {
    const v = h.get(name);
    return typeof v === 'string' ? v : undefined;
  }
  const v = h[name] ?? h[name.toLowerCase()];
  return typeof v === 'string' ? v : undefined;
}

/** Turns what the connector client threw into a {@link ConnectorError}. */
export function toConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown; headers?: unknown } };
  const status = [e?.statusCode, e?.status, e?.response?.status].find((s): s is number => typeof s === 'number');
  const retryAfter = parseRetryAfter(header(e?.response?.headers, 'retry-after'));
  return new ConnectorError(status, retryAfter, { cause: error });
}

/** Posts through CloudAdapter (botbuilder's proactive messages). */
export function cloudAdapterGateway(adapter: CloudAdapter, botAppId: string): ConversationGateway {
  const run = async <T>(reference: StoredReference, logic: (context: TurnContext) => Promise<T>): Promise<T> => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    try {
      await adapter.continueConversationAsync(
        botAppId,
        reference as Partial<ConversationReference>,
        async (context) => {
          // Caught here: an error escaping the turn would go to the adapter's onTurnError and be lost.
          try {
            outcome = { ok: true, value: await logic(context) };
          } catch (error) {
            outcome = { ok: false, error };
          }
        },
      );
    } catch (error) {
      throw toConnectorError(error);
    }
    if (!outcome) throw new ConnectorError(undefined, undefined);
    if (!outcome.ok) throw toConnectorError(outcome.error);
    return outcome.value;
  };
  // The connector client straight away: context.sendActivity would make the post a reply to the
  // continuation's made-up activity id, where a new thread in the channel is wanted.
  const connector = (context: TurnContext): ConnectorClient => {
    const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
    if (!client) throw new ConnectorError(undefined, undefined);
    return client;
  };
  const outgoing = (reference: StoredReference, activity: Partial<Activity>): Partial<Activity> => ({
    ...activity,
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    from: reference.bot,
    conversation: {
      ...reference.conversation,
      name: '',
      isGroup: reference.conversation.isGroup ?? false,
      conversationType: reference.conversation.conversationType ?? 'channel',
    },
  });
  return {
    send: (reference, activity) =>
      run(reference, async (context) => {
        const response = await connector(context).conversations.sendToConversation(
          reference.conversation.id,
          outgoing(reference, activity),
        );
        if (!response?.id) throw new ConnectorError(undefined, undefined);
        return response.id;
      }),
    update: (reference, activityId, activity) =>
      run(reference, async (context) => {
        await connector(context).conversations.updateActivity(reference.conversation.id, activityId, {
          ...outgoing(reference, activity),
          id: activityId,
        });
      }),
  };
}
