/** A ChannelPoster that records what it is asked to post, update and reply, and fails on cue. */
import type {
  ChannelAddress,
  ChannelPoster,
  DigestView,
  DueReminder,
  Incident,
  IncidentCardView,
  ReminderReplyView,
} from '../../src/domain';

export interface PosterCall {
  kind: 'post' | 'update' | 'reply';
  conversationId: string;
  messageId: string;
  incident: Incident;
  reminder?: DueReminder;
  view: IncidentCardView | ReminderReplyView;
}

/** The DPO channel's address in tests. */
export const TEST_CHANNEL: ChannelAddress = {
  conversationId: '19:dpo@thread.tacv2',
  route: { serviceUrl: 'https://smba.example.test/' },
};

/** A digest posted or updated. */
export interface DigestCall {
  kind: 'post' | 'update';
  conversationId: string;
  messageId: string;
  digest: DigestView;
}

export class RecordingPoster implements ChannelPoster {
  readonly calls: PosterCall[] = [];
  /** Digests posted and updated, in order (apart from the incidents' own cards in `calls`). */
  readonly digests: DigestCall[] = [];
  /** The next digest calls throw these, in order. */
  failDigestWith: unknown[] = [];
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
      c.kind === 'post'
        ? `post ${c.incident.number}`
        : c.kind === 'update'
          ? `update ${c.incident.number} ${c.incident.status}`
          : `reply ${c.incident.number} ${c.reminder!.stage}`,
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

  async replyToCard(
    to: ChannelAddress,
    messageId: string,
    incident: Incident,
    reminder: DueReminder,
    view: ReminderReplyView,
  ): Promise<void> {
    await this.maybeFail(incident);
    this.calls.push({ kind: 'reply', conversationId: to.conversationId, messageId, incident, reminder, view });
  }

  async postDigest(to: ChannelAddress, digest: DigestView): Promise<string> {
    const failure = this.failDigestWith.shift();
    if (failure) throw failure;
    const messageId = `message-${this.next++}`;
    this.digests.push({ kind: 'post', conversationId: to.conversationId, messageId, digest });
    return messageId;
  }

  async updateDigest(to: ChannelAddress, messageId: string, digest: DigestView): Promise<void> {
    const failure = this.failDigestWith.shift();
    if (failure) throw failure;
    this.digests.push({ kind: 'update', conversationId: to.conversationId, messageId, digest });
  }

  private async maybeFail(incident: Incident): Promise<void> {
    const failure = this.failWith.length ? this.failWith.shift() : this.failFor.get(incident.id)?.shift();
    if (failure) throw failure;
    const during = this.during;
    this.during = undefined;
    await during?.();
  }
}
