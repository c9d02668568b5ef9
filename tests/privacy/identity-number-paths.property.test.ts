/**
 * Every path a typed text takes out of a report, checked with generated checksum-valid identity
 * numbers in every spelling (tests/support/identity-number-spellings.ts): titles, descriptions,
 * message-action text, mail subjects and bodies, register cells and file names must leave no
 * readable number on a channel, receipt, *mina* or reminder card, in a log line, an error body,
 * the IMY text, the committee report or a URL.
 * @remarks The register export (CSV/XLSX) is the register itself, for the DPO and re-importable,
 * not for the committee: it keeps titles and descriptions as written (tests/register-files).
 */
import fc from 'fast-check';
import { dpoChannelCard } from '../../bot/cards/dpo-channel-card';
import { myIncidentsCard } from '../../bot/cards/my-incidents-card';
import { receiptCard } from '../../bot/cards/receipt-card';
import { reminderCard } from '../../bot/cards/reminder-card';
import { prefillFromMessage } from '../../bot/handlers/message-action';
import { runRegisterCli } from '../../src/cli/register';
import type { Incident } from '../../src/domain';
import { buildRegisterReport, renderRegisterReportMarkdown } from '../../src/domain/register-report';
import { readRegister, REGISTER_COLUMNS } from '../../src/domain/register-row';
import { parseReportInput } from '../../src/domain/report-input';
import { ValidationError } from '../../src/domain/errors';
import { prefillDescription } from '../../src/outlook/prefill';
import { summariseRecipients } from '../../src/outlook/recipients';
import { scanMail } from '../../src/outlook/scanner';
import { imyNoticeText } from '../../src/domain/imy-notice';
import { anIncident } from '../bot/support/incidents';
import {
  coreDigits,
  embeddedNumber,
  luhnCheck,
  type Embedded,
  type GeneratedNumber,
} from '../support/identity-number-spellings';
import { startTestServer, type TestServer } from '../support/test-server';

const NOW = new Date('2026-11-20T09:00:00.000Z');
const runs = { numRuns: 300 };

/** Every string inside a value (card JSON is checked as parsed, so `\n` escapes hide nothing). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Text as a reader would read digits off it: compatibility forms, invisible characters gone, any script's digits as ASCII. */
function readable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\p{Nd}/gu, (d) => {
      const code = d.codePointAt(0)!;
      let zero = code;
      while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero -= 1;
      return String((code - zero) % 10);
    })
    .replace(/[\s\p{Pd}\u2212+]/gu, '');
}

/** The places in a value where the number can still be read (empty when it was masked everywhere). */
function leaks(value: unknown, n: GeneratedNumber): string[] {
  const digits = `${coreDigits(n)}${n.check}`;
  return stringsIn(value).filter((s) => readable(s).includes(digits));
}

/** Two numbers in one text (a title or a body usually holds one, a description may hold several). */
const twoNumbers = fc.tuple(embeddedNumber(), embeddedNumber());

function incidentWith(e: Embedded, more: Partial<Incident> = {}): Incident {
  return anIncident({ title: e.text.slice(0, 200), ...more });
}

describe('identity numbers on every path out of a report (properties)', () => {
  it('leave no trace on the DPO channel card (title, IMY reference) or its link', () => {
    fc.assert(
      fc.property(twoNumbers, ([title, reference]) => {
        const incident = incidentWith(title, {
          imyNotice: {
            notifiedAt: '2026-11-19T10:00:00.000Z',
            reference: reference.text.slice(0, 100),
            phased: false,
            recordedBy: { id: 'dpo', name: 'Dana' },
          } as Incident['imyNotice'],
        });
        const cardJson = dpoChannelCard(incident, {
          now: NOW,
          tabUrl: 'https://pui.example.se/tab/',
          teamsAppId: 'app-id',
        });
        expect({ spelling: title.spelling, leaks: leaks(cardJson, title.number) }).toEqual({
          spelling: title.spelling,
          leaks: [],
        });
        expect({ spelling: reference.spelling, leaks: leaks(cardJson, reference.number) }).toEqual({
          spelling: reference.spelling,
          leaks: [],
        });
      }),
      runs,
    );
  });

  it('leave no trace on the receipt, *mina* and reminder cards in the personal chat and the thread', () => {
    fc.assert(
      fc.property(embeddedNumber(), (title) => {
        const incident = incidentWith(title, { owner: { id: 'dpo', name: 'Dana Dataskydd' } });
        const cards = [
          receiptCard(incident, NOW),
          myIncidentsCard([incident], NOW),
          reminderCard(
            incident,
            { slot: incident.deadline, stage: '24h', at: incident.deadline, mention: true, catchUp: false, next: null },
            { now: NOW, tabUrl: 'https://pui.example.se/tab/', mentions: [{ id: 'dpo', name: 'Dana' }] },
          ),
        ];
        expect({ spelling: title.spelling, leaks: leaks(cards, title.number) }).toEqual({
          spelling: title.spelling,
          leaks: [],
        });
      }),
      runs,
    );
  });

  it('are masked in the message-action draft, in plain text and in HTML (line breaks, entities, tags)', () => {
    const html = (text: string) =>
      text
        .replace(/\n/g, '<br>')
        .replace(/\u00a0/g, '&nbsp;')
        .replace(/[\u2011\u200b]/g, (c) => `&#${c.codePointAt(0)};`)
        .replace(/\u2212/g, '&#x2212;');
    fc.assert(
      fc.property(embeddedNumber(), fc.boolean(), (e, asHtml) => {
        const content = asHtml ? `<p>${html(e.text)}</p>` : e.text;
        const prefill = prefillFromMessage({
          body: { contentType: asHtml ? 'html' : 'text', content },
          createdDateTime: '2026-11-19T10:00:00Z',
        } as never);
        expect({ spelling: e.spelling, asHtml, leaks: leaks(prefill, e.number) }).toEqual({
          spelling: e.spelling,
          asHtml,
          leaks: [],
        });
      }),
      runs,
    );
  });

  it('are masked in the IMY text (measures, reasons, method) and the committee report (titles)', () => {
    fc.assert(
      fc.property(twoNumbers, ([a, b]) => {
        const incident = incidentWith(a, {
          measures: b.text,
          subjectNotice: {
            notInformedReason: `${a.text}\n${b.text}`,
            recordedBy: { id: 'dpo', name: 'Dana' },
          } as Incident['subjectNotice'],
        });
        const imy = imyNoticeText(incident, { notifiedAt: '2026-11-25T10:00:00.000Z', delayReason: b.text });
        const report = renderRegisterReportMarkdown(buildRegisterReport([incident]), [incident]);
        for (const e of [a, b])
          expect({ spelling: e.spelling, leaks: leaks([imy, report], e.number) }).toEqual({
            spelling: e.spelling,
            leaks: [],
          });
      }),
      runs,
    );
  });

  it('are masked in the committee report of a register imported from cells that hold them', () => {
    fc.assert(
      fc.property(twoNumbers, ([title, description]) => {
        const headers = REGISTER_COLUMNS.map((c) => c.header);
        const cells = headers.map(() => '');
        cells[0] = title.text.replace(/[\t\r\n]/g, ' ').slice(0, 200);
        cells[1] = '2026-11-18 10:00';
        cells[2] = description.text;
        const read = readRegister(headers, [{ line: 2, cells }], NOW);
        expect(read.problems).toEqual([]);
        const incidents = read.entries.map((entry) =>
          anIncident({ title: entry.title, description: entry.description, discoveredAt: entry.discoveredAt }),
        );
        const report = renderRegisterReportMarkdown(buildRegisterReport(incidents), incidents);
        expect({ spelling: title.spelling, leaks: leaks(report, title.number) }).toEqual({
          spelling: title.spelling,
          leaks: [],
        });
        expect(leaks(report, description.number)).toEqual([]);
      }),
      runs,
    );
  });

  it('are counted by the Outlook scanner in subjects and bodies, and never reach the prefilled description', () => {
    fc.assert(
      fc.property(twoNumbers, ([subject, body]) => {
        const scan = scanMail({ subject: subject.text, body: body.text });
        const kinds = [subject.number.kind, body.number.kind];
        expect({
          spellings: [subject.spelling, body.spelling],
          personnummer: scan.personnummer,
          samordningsnummer: scan.samordningsnummer,
        }).toEqual({
          spellings: [subject.spelling, body.spelling],
          personnummer: kinds.filter((k) => k === 'personnummer').length,
          samordningsnummer: kinds.filter((k) => k === 'samordningsnummer').length,
        });
        const mail = {
          subject: subject.text,
          body: body.text,
          from: { name: 'Anna', address: 'anna@kommun.example.se' },
          to: [{ name: 'Erik', address: 'erik@extern.example.com' }],
          cc: [],
          attachments: [{ name: `${subject.written}.pdf`, size: 1000, contentType: 'application/pdf' }],
          userAddress: 'anna@kommun.example.se',
          direction: 'sent' as const,
        };
        const recipients = summariseRecipients(mail, ['kommun.example.se']);
        const description = prefillDescription('sent-to-wrong-recipient', {
          mail,
          scan,
          recipients,
          now: NOW,
          locale: 'sv',
        });
        expect(leaks(description, subject.number)).toEqual([]);
        expect(leaks(description, body.number)).toEqual([]);
      }),
      runs,
    );
  });

  it('never come back in validation errors, whatever key or value holds them', () => {
    fc.assert(
      fc.property(embeddedNumber(), (e) => {
        const key = `pnr_${coreDigits(e.number)}${e.number.check}`;
        let error: unknown;
        try {
          parseReportInput(
            { title: e.text, description: '', discoveredAt: 'igår', breachTypes: [e.text], [key]: 1, [e.written]: 1 },
            NOW,
          );
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(ValidationError);
        const body = (error as ValidationError).issues;
        expect(body.map((i) => i.code)).toEqual(expect.arrayContaining(['unknown_field', 'unknown_value']));
        expect({ spelling: e.spelling, leaks: leaks(body, e.number) }).toEqual({ spelling: e.spelling, leaks: [] });
      }),
      runs,
    );
  });

  it('never come back from the register CLI when a file name holds one', async () => {
    await fc.assert(
      fc.asyncProperty(embeddedNumber(), async (e) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runRegisterCli(['import', `${e.text.replace(/[/\0]/g, '_')}.tsv`], {
          openStore: async () => {
            throw new Error('the store is not opened for a file that does not exist');
          },
          stdout: { write: (c) => out.push(String(c)) },
          stderr: { write: (c) => err.push(String(c)) },
          now: () => NOW,
          cwd: '/nonexistent-pui-folder',
        });
        expect(code).toBe(1);
        expect(err.join('')).toContain('finns inte');
        expect({ spelling: e.spelling, leaks: leaks([out, err], e.number) }).toEqual({
          spelling: e.spelling,
          leaks: [],
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('identity numbers through the HTTP API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('never appear in an error body, a log line or a URL the server writes', async () => {
    const samples = fc.sample(embeddedNumber(), { numRuns: 40, seed: 20261202 });
    for (const [i, e] of samples.entries()) {
      // Each sample as its own reporter: the per-person report rate limit is not what is tested here.
      const as = { 'X-Dev-Role': 'reporter', 'X-Dev-User': `reporter-${i}` };
      const key = `pnr_${coreDigits(e.number)}${e.number.check}`;
      const refused = await server.call(
        'POST',
        '/api/incidents',
        { title: e.text, description: e.text, discoveredAt: 'i morse', breachTypes: [e.text], [key]: 1 },
        as,
      );
      expect(refused.status).toBe(400);
      expect({ spelling: e.spelling, leaks: leaks(refused.body, e.number) }).toEqual({
        spelling: e.spelling,
        leaks: [],
      });

      const created = await server.call(
        'POST',
        '/api/incidents',
        {
          title: e.text.slice(0, 200),
          description: `Beskrivning: ${e.text}`,
          discoveredAt: '2026-11-18T08:00:00.000Z',
          breachTypes: ['confidentiality'],
        },
        as,
      );
      expect(created.status).toBe(201);
      expect({ spelling: e.spelling, location: leaks(created.headers.get('location'), e.number) }).toEqual({
        spelling: e.spelling,
        location: [],
      });
      const missing = await server.call('GET', `/api/incidents/${encodeURIComponent(e.written)}`, undefined, as);
      expect(missing.status).toBe(404);
      expect(leaks(missing.body, e.number)).toEqual([]);
    }
    expect(
      samples.map((e) => e.number).filter((n) => server.logLines.some((line) => leaks(JSON.parse(line), n).length > 0)),
    ).toEqual([]);
    expect(server.logLines.length).toBeGreaterThan(samples.length);
  });
});

describe('the leak check itself', () => {
  it('reads a number back in any spelling, so a missing mask would fail the tests above', () => {
    const n: GeneratedNumber = {
      kind: 'personnummer',
      year: 1912,
      month: 12,
      day: 12,
      serial: 121,
      check: luhnCheck('121212121'),
    };
    expect(n.check).toBe(2);
    for (const text of [
      '121212-1212',
      '19121212 1212',
      '１２１２１２\u2011１２１２',
      '121212-\n1212',
      '12\u200b1212\u00ad1212',
      '1912-12-12-1212',
    ]) {
      expect(leaks({ card: [text] }, n)).toEqual([text]);
    }
    expect(leaks({ card: ['[personnummer]', 'PUI-2026-0007'] }, n)).toEqual([]);
  });
});
