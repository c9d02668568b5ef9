import {
  fingerprint,
  possiblySameEvent,
  similarityItem,
  sourceKeys,
  type SimilarityItem,
} from '../../src/domain/similar-reports';
import { anIncident } from '../support/incident-mother';

const at = (minutes: number) => new Date(Date.parse('2026-11-20T08:00:00.000Z') + minutes * 60_000).toISOString();
const item = (n: number, overrides: Partial<SimilarityItem> = {}): SimilarityItem => ({
  number: `PUI-2026-${String(n).padStart(4, '0')}`,
  title: `Helt egen rubrik nummer ${'abcdefghij'[n % 10]}${'klmnopqrst'[n % 10]}`,
  reportedAt: at(n),
  ...overrides,
});
const mail = sourceKeys({ internetMessageId: '<AM0PR01MB1.eurprd01@kommun.example.se>' });
const message = sourceKeys({ sourceMessageId: '19:abc@thread.tacv2/1700000000000' });

describe('possiblySameEvent', () => {
  it('groups reports of the same Teams message, pointing at the first, by source message', () => {
    const marks = possiblySameEvent([item(3, message), item(1, message), item(2), item(4, message)]);
    expect(marks).toEqual(
      new Map([
        ['PUI-2026-0003', { first: 'PUI-2026-0001', reason: 'source-message' }],
        ['PUI-2026-0004', { first: 'PUI-2026-0001', reason: 'source-message' }],
      ]),
    );
  });

  it('groups reports of the same mail (the sender and the recipient), whatever their titles, by mail', () => {
    const marks = possiblySameEvent([
      item(1, { ...mail, title: 'Jag skickade ett mejl till fel person' }),
      item(2, { ...mail, title: 'Fick ett mejl som inte var till mig', reportedAt: at(60 * 30) }),
    ]);
    expect(marks).toEqual(new Map([['PUI-2026-0002', { first: 'PUI-2026-0001', reason: 'mail' }]]));
  });

  it('leaves reports of one mail apart when more than seven days lie between them', () => {
    const marks = possiblySameEvent([item(1, mail), item(2, { ...mail, reportedAt: at(8 * 24 * 60) })]);
    expect(marks.size).toBe(0);
  });

  it('groups near-identical titles within a day, but not a day and more apart nor titles too short', () => {
    const marks = possiblySameEvent([
      item(1, { title: 'Delad anteckning synlig för alla' }),
      item(2, { title: 'delad anteckning: synlig för ALLA! 12', reportedAt: at(90) }),
      item(3, { title: 'Delad anteckning synlig för alla', reportedAt: at(27 * 60) }),
      item(4, { title: 'Kort' }),
      item(5, { title: 'kort' }),
    ]);
    expect(marks).toEqual(new Map([['PUI-2026-0002', { first: 'PUI-2026-0001', reason: 'title' }]]));
  });

  it('joins groups across reasons: one mail and one title make one group with the earliest first', () => {
    const marks = possiblySameEvent([
      item(1, { title: 'Skrivarkö till fel enhet' }),
      item(2, { ...mail, title: 'Skrivarkö till fel enhet!' }),
      item(3, mail),
    ]);
    expect(marks).toEqual(
      new Map([
        ['PUI-2026-0002', { first: 'PUI-2026-0001', reason: 'mail' }],
        ['PUI-2026-0003', { first: 'PUI-2026-0001', reason: 'mail' }],
      ]),
    );
  });

  it('does not mark a linked report, and points a new report of the same mail at its main', () => {
    const marks = possiblySameEvent([item(1), item(2, { ...mail, linkedTo: 'PUI-2026-0001' }), item(3, mail)]);
    expect(marks).toEqual(new Map([['PUI-2026-0003', { first: 'PUI-2026-0001', reason: 'mail' }]]));
  });

  it('reads an incident through its fingerprints, never its ids', () => {
    const incident = anIncident({
      sourceMessageId: '19:abc@thread.tacv2/1700000000000',
      internetMessageId: '<AM0PR01MB1.eurprd01@kommun.example.se>',
      linkedTo: { id: 'main', number: 'PUI-2026-0009', linkedAt: at(0), linkedBy: { id: 'd', name: 'D' } },
    });
    const read = similarityItem(incident);
    expect(read).toEqual({
      number: incident.number,
      title: incident.title,
      reportedAt: incident.createdAt,
      sourceKey: fingerprint(incident.sourceMessageId!),
      mailKey: fingerprint(incident.internetMessageId!),
      linkedTo: 'PUI-2026-0009',
    });
    expect(JSON.stringify(read)).not.toContain('thread');
    expect(JSON.stringify(read)).not.toContain('kommun');
  });

  it('gives equal ids equal fingerprints and different ids different ones', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `<msg-${i}@kommun.example.se>`);
    expect(new Set(ids.map(fingerprint)).size).toBe(ids.length);
    expect(fingerprint('<a@b>')).toBe(fingerprint('<a@b>'));
  });
});
