import { TEAMS_THREAD_LIMITS } from '../../bot/pacer';
import { getPostedCard } from '../../src/use-cases';
import { outboxFor } from '../../src/use-cases';
import { DIGEST_MAX_BYTES } from '../../src/domain';
import { DIGEST_CARD_ID } from '../../bot/cards/digest-card';
import { worstWindows } from './support/rate-check';
import { anna, cardText, dana, DPO_CHANNEL_ID, startHarness, validForm, type Harness } from './support/bot-harness';

describe('a burst of reports (a large intrusion)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows 300 reports submitted at once in digests, gives each its own card exactly once, never faster than Teams allows', async () => {
    const started = h.clock.ms();
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        h.execute(
          { verb: 'report.submit', reportId: `burst-report-${String(i).padStart(4, '0')}` },
          validForm({ title: `Intrång, system ${i}` }),
          anna,
          'personal',
        ),
      ),
    );
    expect(responses.every((r) => r.type === 'application/vnd.microsoft.card.adaptive')).toBe(true);
    // One reporter's burst is spread over their turns (10 at once, then one per 500 ms: as fast as
    // Teams takes them anyway); the delivery loop's timer follows the turns.
    await h.drainAll();

    const incidents = (await h.store.listAll({ limit: 500 })).items;
    expect(incidents).toHaveLength(300);
    const isDigest = (content: unknown) => JSON.stringify(content).includes(`"id":"${DIGEST_CARD_ID}"`);
    const posts = h.gateway.posts.filter((p) => !isDigest(p.content));
    const digests = h.gateway.ops.filter((o) => isDigest(o.content));
    expect(posts).toHaveLength(300);
    expect(h.gateway.ops.every((p) => p.conversationId === DPO_CHANNEL_ID)).toBe(true);
    // Exactly once: every incident number on exactly one card, and every card recorded as its incident's.
    const numbers = posts.map((p) => /PUI-2026-\d{4}/.exec(cardText(p.content))![0]);
    expect(new Set(numbers).size).toBe(300);
    expect(new Set(incidents.map((i) => i.number))).toEqual(new Set(numbers));
    for (const incident of incidents) expect(await getPostedCard(h.deps, incident.id)).toBeDefined();
    // The pile-up went into digests (posted, then updated in place: the only updates), each under Teams' card size limit.
    expect(digests.filter((d) => d.kind === 'send').length).toBeGreaterThan(0);
    expect(h.gateway.updates.every((u) => isDigest(u.content))).toBe(true);
    for (const d of digests) expect(Buffer.byteLength(JSON.stringify(d.content))).toBeLessThanOrEqual(DIGEST_MAX_BYTES);
    const inDigests = new Set(digests.flatMap((d) => JSON.stringify(d.content).match(/PUI-2026-\d{4}/g) ?? []));
    // Every incident was listed in a digest before its own card came, but those posted before the pile-up was seen.
    const firstDigestAt = Math.min(...digests.map((d) => d.at));
    for (const p of posts) {
      const n = /PUI-2026-\d{4}/.exec(cardText(p.content))![0];
      if (p.at > firstDigestAt) expect({ n, listed: inDigests.has(n) }).toEqual({ n, listed: true });
    }
    expect(await outboxFor(h.appState, h.clock).pending()).toEqual([]);

    // Within every documented per-conversation window (7/1 s, 8/2 s, 60/30 s, 1,800/h)…
    const times = h.gateway.ops.map((p) => p.at);
    for (const w of worstWindows(times, TEAMS_THREAD_LIMITS)) expect(w.worst).toBeLessThanOrEqual(w.max);
    // …and no slower than they allow: 300 posts at 60 per 30 s take about 150 s.
    expect(Math.max(...times) - started).toBeLessThan(160_000);
  });
});
