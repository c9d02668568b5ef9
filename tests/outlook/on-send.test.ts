import { OfficeMockObject } from 'office-addin-mock';
import { onMessageSend, SENT_ANYWAY_PROPERTY, type SendOfficeLike } from '../../src/outlook/on-send';
import type { SendCheckSettings } from '../../src/outlook/send-check';
import { syntheticBody } from '../../bench/outlook-bench';

type Who = { name: string; address: string };

const SETTINGS: SendCheckSettings = {
  enabled: true,
  organisationDomains: ['kalmar.se'],
  trustedExternalDomains: ['regionkalmar.se'],
  sensitiveWords: [],
};

/** A compose-mode mail as Office.js exposes it, built with office-addin-mock (host 'outlook'). */
function composeOffice(mail: {
  subject?: string;
  body?: string;
  to?: Who[];
  cc?: Who[];
  attachments?: string[];
  bodyThrows?: boolean;
  props?: Map<string, string>;
}): SendOfficeLike {
  const props = mail.props ?? new Map<string, string>();
  const saved = new Map<string, string>(props);
  const customProperties = {
    get: (name: string) => props.get(name),
    set: (name: string, value: string) => props.set(name, value),
    remove: (name: string) => props.delete(name),
    saveAsync: (cb: (r: unknown) => void) => {
      saved.clear();
      for (const [k, v] of props) saved.set(k, v);
      cb({ status: 'succeeded', value: undefined });
    },
  };
  const field = (value: unknown) => ({
    getAsync: (...args: unknown[]) => (args[args.length - 1] as (r: unknown) => void)({ status: 'succeeded', value }),
  });
  const details = (list: Who[] = []) => list.map((w) => ({ displayName: w.name, emailAddress: w.address }));
  const data = {
    host: 'outlook',
    context: {
      mailbox: {
        userProfile: { emailAddress: 'handlaggare@kalmar.se' },
        item: {
          subject: field(mail.subject ?? ''),
          body: mail.bodyThrows
            ? {
                getAsync: () => {
                  throw new Error('Scanner exploded on 19121212-1212');
                },
              }
            : field(mail.body ?? ''),
          to: field(details(mail.to)),
          cc: field(details(mail.cc)),
          bcc: field([]),
          getAttachmentsAsync: (cb: (r: unknown) => void) =>
            cb({ status: 'succeeded', value: (mail.attachments ?? []).map((name) => ({ name })) }),
          loadCustomPropertiesAsync: (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: customProperties }),
        },
      },
    },
  };
  const office = new OfficeMockObject(data) as unknown as SendOfficeLike & { saved: Map<string, string> };
  office.saved = saved;
  return office;
}

async function send(
  office: SendOfficeLike,
  settings: SendCheckSettings = SETTINGS,
  log: (m: string) => void = () => {},
) {
  const completed = jest.fn();
  await onMessageSend({ completed }, { office, settings, log });
  expect(completed).toHaveBeenCalledTimes(1);
  return completed.mock.calls[0][0] as {
    allowEvent: boolean;
    errorMessage?: string;
    sendModeOverride?: string;
    cancelLabel?: string;
  };
}

const ANNA_INTERNAL = { name: 'Anna Svensson', address: 'anna.svensson@kalmar.se' };
const ANNA_GMAIL = { name: 'Anna Svensson', address: 'anna.svensson@gmail.com' };

describe('onMessageSend', () => {
  it('lets a mail with identity numbers to internal recipients only go without an alert', async () => {
    const result = await send(
      composeOffice({ subject: 'Elev 121212-1212', body: 'Barnet 020412-5645', to: [ANNA_INTERNAL] }),
    );
    expect(result).toEqual({ allowEvent: true });
  });

  it('alerts in Swedish with the count and the external recipient, prompting the user (never a hard block)', async () => {
    const result = await send(
      composeOffice({
        subject: 'Underlag',
        body: 'Gäller 121212-1212 och 020412-5645 samt 121212-1212 igen.',
        to: [{ name: 'Bo', address: 'bo@example.com' }],
      }),
    );
    expect(result.allowEvent).toBe(false);
    expect(result.sendModeOverride).toBe('promptUser');
    expect(result.cancelLabel).toBe('Ändra');
    expect(result.errorMessage).toContain('2 personnummer eller samordningsnummer');
    expect(result.errorMessage).toContain('Bo <bo@example.com>');
    expect(result.errorMessage).not.toContain('121212');
    expect(result.errorMessage!.length).toBeLessThanOrEqual(500);
  });

  it('counts identity numbers in attachment names too', async () => {
    const result = await send(
      composeOffice({
        subject: 'Hej',
        body: 'Se bifogat.',
        attachments: ['Beslut 121212-1212.pdf'],
        to: [{ name: '', address: 'x@example.com' }],
      }),
    );
    expect(result.errorMessage).toMatch(/^Mejlet innehåller 1 personnummer eller samordningsnummer/);
  });

  it('names an external recipient who shares a display name with an internal one (wrong Anna)', async () => {
    const result = await send(
      composeOffice({
        subject: 'Möte',
        body: 'Orosanmälan gällande 121212-1212',
        to: [ANNA_GMAIL],
        cc: [ANNA_INTERNAL],
      }),
    );
    expect(result.allowEvent).toBe(false);
    expect(result.errorMessage).toContain('Obs! Anna Svensson har samma namn som en intern mottagare');
    expect(result.errorMessage).toContain('anna.svensson@gmail.com');
    expect(result.errorMessage).not.toContain('anna.svensson@kalmar.se');
  });

  it('lets a mail to a trusted external domain (and its subdomains) go', async () => {
    const result = await send(
      composeOffice({
        body: 'Patient 121212-1212',
        to: [{ name: 'Vårdcentralen', address: 'vc@lanssjukhuset.regionkalmar.se' }],
      }),
    );
    expect(result).toEqual({ allowEvent: true });
  });

  it('alerts on sensitive words alone, and on words from SENSITIVE_WORDS', async () => {
    const words = await send(
      composeOffice({ body: 'Hon har en diagnos.', to: [{ name: '', address: 'x@example.com' }] }),
    );
    expect(words.errorMessage).toContain('1 ord som tyder på känsliga uppgifter');
    const plain = composeOffice({ body: 'Om skyddsidentiteten.', to: [{ name: '', address: 'x@example.com' }] });
    expect(await send(plain)).toEqual({ allowEvent: true });
    const tuned = await send(
      composeOffice({ body: 'Om skyddsidentiteten.', to: [{ name: '', address: 'x@example.com' }] }),
      { ...SETTINGS, sensitiveWords: ['Skyddsidentitet'] },
    );
    expect(tuned.allowEvent).toBe(false);
  });

  it('does nothing when turned off (SEND_CHECK=off)', async () => {
    const result = await send(composeOffice({ body: '121212-1212', to: [{ name: '', address: 'x@example.com' }] }), {
      ...SETTINGS,
      enabled: false,
    });
    expect(result).toEqual({ allowEvent: true });
  });

  it('handles a 1 MB body to an external recipient with the right counts', async () => {
    const body = syntheticBody(1024 * 1024);
    expect(Buffer.byteLength(body)).toBeGreaterThanOrEqual(1024 * 1024);
    const result = await send(
      composeOffice({ subject: 'Stort underlag', body, to: [{ name: '', address: 'x@example.com' }] }),
    );
    expect(result.allowEvent).toBe(false);
    // The body repeats the same three valid numbers (020412-5645, 198507092388, 761163-1123): distinct ones count once.
    expect(result.errorMessage).toMatch(/^Mejlet innehåller 3 personnummer eller samordningsnummer och \d+ ord/);
  });

  it('marks an alerted mail with the month only (sent anyway if it goes out with it), and unmarks it once fixed', async () => {
    const props = new Map<string, string>();
    const external = [{ name: '', address: 'x@example.com' }];
    const alerted = composeOffice({ body: 'Gäller 121212-1212', to: external, props }) as SendOfficeLike & {
      saved: Map<string, string>;
    };
    const completed = jest.fn();
    await onMessageSend(
      { completed },
      { office: alerted, settings: SETTINGS, now: () => new Date('2026-12-02T18:00:00Z') },
    );
    expect(completed.mock.calls[0][0].allowEvent).toBe(false);
    expect([...alerted.saved]).toEqual([[SENT_ANYWAY_PROPERTY, '2026-12']]);
    // Ändra: the user removes the number and presses Send again.
    const fixed = composeOffice({ body: 'Gäller ärendet', to: external, props }) as SendOfficeLike & {
      saved: Map<string, string>;
    };
    expect(await send(fixed)).toEqual({ allowEvent: true });
    expect([...fixed.saved]).toEqual([]);
  });

  describe('counting (numbers only)', () => {
    const external = [{ name: 'Anna Svensson', address: 'anna.svensson@gmail.com' }];
    const at = () => new Date('2026-12-02T18:00:00Z');
    async function sendCounting(office: SendOfficeLike, settings: SendCheckSettings = SETTINGS) {
      const order: string[] = [];
      const report = jest.fn(() => void order.push('report'));
      const completed = jest.fn(() => void order.push('completed'));
      await onMessageSend({ completed }, { office, settings, now: at, report, log: () => {} });
      return { report, completed, order };
    }

    it('reports the first alert on a mail as fired, with the month and the kind only, before the event completes', async () => {
      const props = new Map<string, string>();
      const first = await sendCounting(
        composeOffice({ subject: 'Beslut', body: 'Gäller 121212-1212', to: external, props }),
      );
      expect(first.report).toHaveBeenCalledTimes(1);
      expect(first.report.mock.calls[0]).toEqual([{ month: '2026-12', kind: 'fired' }]);
      expect(first.order).toEqual(['report', 'completed']);
      // Ändra, nothing changed, Send again: the same mail is alerted again but counted once.
      const again = await sendCounting(composeOffice({ body: 'Gäller 121212-1212', to: external, props }));
      expect((again.completed.mock.calls[0] as unknown[])[0]).toMatchObject({ allowEvent: false });
      expect(again.report).not.toHaveBeenCalled();
    });

    it('reports an alerted mail that was changed and sent as changed, in the month of its alert', async () => {
      const props = new Map([[SENT_ANYWAY_PROPERTY, '2026-11']]);
      const fixed = await sendCounting(composeOffice({ body: 'Gäller ärendet', to: external, props }));
      expect(fixed.report.mock.calls).toEqual([[{ month: '2026-11', kind: 'changed' }]]);
      expect(fixed.order).toEqual(['report', 'completed']);
    });

    it('counts nothing for a mail never alerted on, with the check off, or when the marker cannot be read', async () => {
      const clean = await sendCounting(composeOffice({ body: 'Gäller ärendet', to: external }));
      expect(clean.report).not.toHaveBeenCalled();
      const off = await sendCounting(
        composeOffice({ body: 'x', to: external, props: new Map([[SENT_ANYWAY_PROPERTY, '2026-12']]) }),
        { ...SETTINGS, enabled: false },
      );
      expect(off.report).not.toHaveBeenCalled();
      const office = composeOffice({ body: 'Gäller 121212-1212', to: external }) as unknown as {
        context: { mailbox: { item: { loadCustomPropertiesAsync: unknown } } };
      };
      office.context.mailbox.item.loadCustomPropertiesAsync = (cb: (r: unknown) => void) =>
        cb({ status: 'failed', value: undefined, error: { message: 'no' } });
      const unreadable = await sendCounting(office as unknown as SendOfficeLike);
      expect((unreadable.completed.mock.calls[0] as unknown[])[0]).toMatchObject({ allowEvent: false });
      expect(unreadable.report).not.toHaveBeenCalled();
    });
  });

  it('lets the mail go when reading or scanning fails, and logs the error without content', async () => {
    const log = jest.fn();
    const result = await send(
      composeOffice({ bodyThrows: true, to: [{ name: '', address: 'x@example.com' }] }),
      SETTINGS,
      log,
    );
    expect(result).toEqual({ allowEvent: true });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain('send check failed');
    expect(log.mock.calls[0][0]).not.toMatch(/1212|exploded|example\.com/);
  });
});
