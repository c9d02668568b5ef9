/** A ChannelPoster that records what it is asked to post, update and reply, and fails on cue. */
import type { ChannelAddress, ChannelPoster, DueReminder, Incident, IncidentCardView, ReminderReplyView } from '../../src/domain';

export interface PosterCall {
  kind: 'post' | 'update' | 'reply';
  conversationId: string;
  messageId: string;
  incident: Incident;
  reminder?: DueReminder;
  view: IncidentCardView | ReminderReplyView;
}

/** The DPO channel's address in tests. */
export const TEST_CHANNEL: ChannelAddress = { conversationId: '19:dpo@thread.tacv2', route: { serviceUrl: 'https://smba.example.test/' } };

export class RecordingPoster implements ChannelPoster {
  readonly calls: PosterCall[] = [];
  /** The next calls throw these, in order (whatever incident). */
  failWith: unknown[] = [];
  /** The next calls for an incident id throw these, in order. */
  readonly failFor = new Map<string, unknown[]>();
  /** Runs inside the next call (a person acting while a reminder is being sent). */
  during?: () => Promise<void>;
  private next = 1;

  /** What was done, one line each: `post <number>`, `update <number> <status>`, `reply <number> <stage>`. */
  get delivered(): string[] {
    return this.calls.map((c) =>
      c.kind === 'post' ? `post ${c.incident.number}` : c.kind === 'update' ? `update ${c.incident.number} ${c.incident.status}` : `reply ${c.incident.number} ${c.reminder!.stage}`,
    );
  }

  async postCard(to: ChannelAddress, incident: Incident, view: IncidentCardView): Promise<string> {
    await this.maybeFail(incident);
    const messageId = `message-${this.next++}`;
    this.calls.push({ kind: 'post', conversationId: to.conversationId, messageId, incident, view });
    return messageId;
  }

  async updateCard(to: ChannelAddress, messageId: string, incident: Incident, view: IncidentCardView): Promise<void> {
    await this.maybeFail(incident);
    this.calls.push({ kind: 'update', conversationId: to.conversationId, messageId, incident, view });
  }

  async replyToCard(to: ChannelAddress, messageId: string, incident: Incident, reminder: DueReminder, view: ReminderReplyView): Promise<void> {
    await this.maybeFail(incident);
    this.calls.push({ kind: 'reply', conversationId: to.conversationId, messageId, incident, reminder, view });
  }

  private async maybeFail(incident: Incident): Promise<void> {
    const failure = this.failWith.length ? this.failWith.shift() : this.failFor.get(incident.id)?.shift();
    if (failure) throw failure;
    const during = this.during;
    this.during = undefined;
    await during?.();
  }
}
