import { COUNTED_PROPERTY, countSentAnyway, type CountableItemLike } from '../../src/outlook/sent-anyway-count';
import type { SendCheckReport } from '../../src/outlook/send-check-report';
import { boot } from '../../src/outlook/components/app';
import { fixtureMails, mockOffice } from './support/mock-mailbox';

const [sentMail] = fixtureMails;

/** A read-mode item whose custom properties live in `props`; `saved` is what the mailbox holds. */
function sentItem(props: Record<string, string>, saveSucceeds = true) {
  const live = new Map(Object.entries(props));
  const saved = new Map(live);
  const item: CountableItemLike = {
    loadCustomPropertiesAsync: (cb) =>
      cb({
        status: 'succeeded',
        value: {
          get: (name: string) => live.get(name),
          set: (name: string, value: string) => live.set(name, value),
          saveAsync: (done: (r: { status: string }) => void) => {
            if (saveSucceeds) for (const [k, v] of live) saved.set(k, v);
            done({ status: saveSucceeds ? 'succeeded' : 'failed' });
          },
        },
      }),
  };
  return { item, saved };
}

describe('countSentAnyway (the task pane on a sent mail with the marker)', () => {
  it('marks the mail counted, then reports sent-anyway once in the month of the alert', async () => {
    const { item, saved } = sentItem({ puiSendCheckAlerted: '2026-11' });
    const reports: SendCheckReport[] = [];
    expect(await countSentAnyway(item, (r) => reports.push(r))).toBe('reported');
    expect(reports).toEqual([{ month: '2026-11', kind: 'sent-anyway' }]);
    expect(saved.get(COUNTED_PROPERTY)).toBe('1');
    // The pane opened again on the same mail: not counted twice.
    expect(await countSentAnyway(item, (r) => reports.push(r))).toBe('already-counted');
    expect(reports).toHaveLength(1);
  });

  it('reports nothing when the counted mark cannot be saved (a lower bound is never inflated)', async () => {
    const { item } = sentItem({ puiSendCheckAlerted: '2026-11' }, false);
    const report = jest.fn();
    expect(await countSentAnyway(item, report)).toBe('not-saved');
    expect(report).not.toHaveBeenCalled();
  });

  it('reports nothing for a mail without a valid marker, or a host without custom properties', async () => {
    const report = jest.fn();
    expect(await countSentAnyway(sentItem({}).item, report)).toBe('no-marker');
    expect(await countSentAnyway(sentItem({ puiSendCheckAlerted: 'igår' }).item, report)).toBe('no-marker');
    expect(await countSentAnyway({}, report)).toBe('no-marker');
    expect(report).not.toHaveBeenCalled();
  });
});

describe('the task pane at start-up', () => {
  it('reports a sent mail with the marker once, to the API beside the page, without waiting for it', async () => {
    const office = mockOffice(sentMail, { user: 'anna.handlaggare@kommun.example.se' });
    const { item, saved } = sentItem({ puiSendCheckAlerted: '2026-12' });
    Object.assign(office.context.mailbox.item as object, { loadCustomPropertiesAsync: item.loadCustomPropertiesAsync });
    const posted: { url: string; body: string }[] = [];
    let arrived: () => void = () => {};
    const sent = new Promise<void>((resolve) => (arrived = resolve));
    const started = await boot({
      href: 'https://pui.kommun.example.se/outlook/?host=outlook',
      loadConfig: async () => ({ profile: 'local', organisationName: 'Kommunen', organisationDomains: [] }),
      loadOffice: async () => office,
      fetch: async (url, init) => {
        posted.push({ url, body: init.body });
        arrived();
        return { ok: true, status: 204 };
      },
    });
    expect(started).toMatchObject({ kind: 'ready', mail: { sentAnyway: true } });
    await sent;
    expect(posted).toEqual([
      { url: 'https://pui.kommun.example.se/api/send-check/events', body: '{"month":"2026-12","kind":"sent-anyway"}' },
    ]);
    expect(saved.get(COUNTED_PROPERTY)).toBe('1');
  });
});
