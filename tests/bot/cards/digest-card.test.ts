import { digestCard, digestHeading, DIGEST_CARD_ID } from '../../../bot/cards/digest-card';
import {
  DIGEST_MAX_BYTES,
  digestBytes,
  digestLine,
  fillDigests,
  possiblySame,
  type DigestLine,
} from '../../../src/domain';

const now = new Date('2026-11-20T08:41:00.000Z');
const line = (i: number, title: string): DigestLine =>
  digestLine({
    id: `id-${i}`,
    reportId: `r-${i}`,
    number: `PUI-2026-${String(i).padStart(4, '0')}`,
    title,
    source: 'outlook',
    deadline: new Date(now.getTime() + (72 - (i % 50)) * 3_600_000).toISOString(),
  });

describe('the digest card', () => {
  it('says how many since when, one line per incident with number, title, source and time left, and links to the board', () => {
    const c = digestCard(
      { lines: [line(1, 'Brev till fel adress'), line(2, 'Öppen delad mapp')], since: now.toISOString(), now },
      { tabUrl: 'https://pui.example/tab/' },
    );
    const json = JSON.stringify(c);
    expect(c.body[0]).toMatchObject({ id: DIGEST_CARD_ID, text: '2 nya incidenter sedan 09:41' });
    expect(json).toContain('**PUI-2026-0001** · Brev till fel adress · Outlook');
    expect(json).toMatch(/PUI-2026-0002\*\* · Öppen delad mapp · Outlook · [^"]*kvar/);
    expect(c.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Öppna på tavlan',
        url: 'https://pui.example/tab/#/board?numbers=PUI-2026-0001,PUI-2026-0002',
      },
    ]);
    expect(digestHeading(1, now.toISOString())).toBe('1 ny incident sedan 09:41');
  });

  it('marks near-identical titles in one digest as possibly the same event, pointing at the first', () => {
    const lines = [
      line(3, 'Delad anteckning synlig för alla, 12'),
      line(1, 'Delad anteckning synlig för alla'),
      line(2, 'Skrivarkö till fel enhet'),
      line(4, 'delad  anteckning: synlig för ALLA!'),
      line(5, 'Kort'),
      line(6, 'kort'),
    ];
    expect(possiblySame(lines)).toEqual(
      new Map([
        ['PUI-2026-0003', 'PUI-2026-0001'],
        ['PUI-2026-0004', 'PUI-2026-0001'],
      ]),
    );
    const json = JSON.stringify(
      digestCard({ lines, since: now.toISOString(), now }, { tabUrl: 'https://pui.example/tab/' }),
    );
    expect(json.match(/möjligen samma händelse som PUI-2026-0001/g)).toHaveLength(2);
    expect(json).not.toContain('samma händelse som PUI-2026-0005');
  });

  it('marks reports of the same mail or the same Teams message, whatever their titles, and says why', () => {
    const mail = '<AM0PR01MB1.eurprd01@kommun.example.se>';
    const withIds = (i: number, title: string, ids: { internetMessageId?: string; sourceMessageId?: string }) =>
      digestLine({
        id: `id-${i}`,
        reportId: `r-${i}`,
        number: `PUI-2026-000${i}`,
        title,
        source: 'outlook',
        deadline: now.toISOString(),
        ...ids,
      });
    const lines = [
      withIds(1, 'Jag skickade fel', { internetMessageId: mail }),
      withIds(2, 'Fick ett mejl som inte var mitt', { internetMessageId: mail }),
      withIds(3, 'Meddelande i fel kanal', { sourceMessageId: '19:g@thread.v2/170' }),
      withIds(4, 'Någon delade en lista', { sourceMessageId: '19:g@thread.v2/170' }),
    ];
    const json = JSON.stringify(
      digestCard({ lines, since: now.toISOString(), now }, { tabUrl: 'https://pui.example/tab/' }),
    );
    expect(json).toContain('PUI-2026-0002** · Fick ett mejl som inte var mitt · Outlook · ');
    expect(json).toContain('_möjligen samma händelse som PUI-2026-0001 (samma mejl)_');
    expect(json).toContain('_möjligen samma händelse som PUI-2026-0003 (samma meddelande i Teams)_');
    // The card and the digest's stored lines carry fingerprints, never the ids.
    expect(json).not.toContain('kommun.example.se');
    expect(JSON.stringify(lines)).not.toContain('thread.v2');
  });

  it('stays under 28 KB as rendered when the domain fills it, even with the worst titles for escaping, in Swedish and English', () => {
    for (const title of ['*'.repeat(200), '"'.repeat(200), 'å'.repeat(200), '\\'.repeat(200), 'Brev till fel adress']) {
      const { open, next } = fillDigests(
        [],
        Array.from({ length: 400 }, (_, i) => line(i + 1, title)),
      );
      for (const lines of [open, ...next]) {
        expect(digestBytes(lines)).toBeLessThanOrEqual(DIGEST_MAX_BYTES);
        // In either language of the channel (CHANNEL_LANGUAGE).
        for (const locale of ['sv', 'en'] as const) {
          const bytes = Buffer.byteLength(
            JSON.stringify(
              digestCard(
                { lines, since: now.toISOString(), now },
                { tabUrl: 'https://pui-desk.kommun.example.se/tab/', locale },
              ),
            ),
          );
          expect({ title: title.slice(0, 3), locale, bytes: bytes <= DIGEST_MAX_BYTES }).toEqual({
            title: title.slice(0, 3),
            locale,
            bytes: true,
          });
        }
      }
      expect([open, ...next].flat()).toHaveLength(400);
    }
  });
});
