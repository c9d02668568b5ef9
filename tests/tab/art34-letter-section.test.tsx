/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../src/web/api-client';
import type { Incident } from '../../src/web/api-contract';
import type { PuiApi } from '../../src/tab/api/pui-api';
import { ImyNoticePanel } from '../../src/tab/incident/imy-notice-panel';
import { SubjectNoticePanel } from '../../src/tab/incident/subject-notice-panel';
import { TrackProvider } from '../../src/tab/incident/track';
import { changeMock, PanelHarness } from './support/panel-harness';
import { anIncident, DPO, fakeApi, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };
const highRisk = (overrides: Partial<Incident> = {}) =>
  anIncident({
    status: 'notified',
    assessment: { risk: 'high', rationale: 'Barn.', assessedAt: '2026-11-20T09:30:00.000Z', assessedBy: dpo },
    ...overrides,
  });
const LETTER_SV = 'Kommunen\n3 december 2026\nVårt ärendenummer: PUI-2026-0001\n\nVad har hänt?\nDen 20 november …';
const LETTER_EN = 'Kommunen\n3 December 2026\nOur reference: PUI-2026-0001\n\nWhat happened?\nOn 20 November …';

function noticeTextMock(impl?: PuiApi['noticeText']) {
  return jest.fn<ReturnType<PuiApi['noticeText']>, Parameters<PuiApi['noticeText']>>(
    impl ?? (async (_id, q) => (q.lang === 'en' ? LETTER_EN : LETTER_SV)),
  );
}

/** Runs every timer the panels set (the text waits for its query to settle): a fetch would have started. */
function passTheSettlingTime() {
  act(() => {
    jest.runOnlyPendingTimers();
  });
  jest.useRealTimers();
}

const letterText = () => screen.findByTestId('art34-text') as Promise<HTMLTextAreaElement>;

describe('the art. 34 letter in the track "Information till de registrerade"', () => {
  afterEach(cleanup);

  it("shows the server's letter in Swedish, read-only, and records nothing by showing it", async () => {
    const noticeText = noticeTextMock();
    const change = changeMock();
    renderTab(<PanelHarness panel={SubjectNoticePanel} initial={highRisk()} />, {
      api: fakeApi({ noticeText, change }),
    });
    const letter = screen.getByTestId('art34-letter');
    expect(within(letter).getByRole('heading', { name: 'Brev till de registrerade' })).toBeTruthy();
    expect(within(letter).getByText(/Hämtar texten/)).toBeTruthy();
    expect((await letterText()).value).toBe(LETTER_SV);
    expect((await letterText()).readOnly).toBe(true);
    expect(screen.getByLabelText('Brevet')).toBe(await letterText());
    expect(noticeText).toHaveBeenCalledWith('inc-1', expect.objectContaining({ kind: 'art34', lang: 'sv' }));
    expect(change).not.toHaveBeenCalled();
    // Nothing is chosen in the record form because the letter was shown.
    expect((screen.getByLabelText('De registrerade har informerats') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByText(/inte bedömd som hög/)).toBeNull();
  });

  it('switches to the English letter, and its Word download follows the language', async () => {
    const noticeText = noticeTextMock();
    renderTab(
      <SubjectNoticePanel incident={highRisk()} canEdit onChanged={jest.fn()} onReload={jest.fn()} reloading={false} />,
      {
        api: fakeApi({ noticeText }),
      },
    );
    await letterText();
    const word = screen.getByRole('link', { name: 'Ladda ner brevet (Word)' });
    expect(word.getAttribute('href')).toBe('/api/incidents/inc-1/notice?kind=art34&format=docx&lang=sv');
    fireEvent.click(screen.getByLabelText('Engelska'));
    await waitFor(async () => expect((await letterText()).value).toBe(LETTER_EN));
    expect(noticeText).toHaveBeenLastCalledWith('inc-1', expect.objectContaining({ kind: 'art34', lang: 'en' }));
    expect(screen.getByRole('link', { name: 'Ladda ner brevet (Word)' }).getAttribute('href')).toContain('lang=en');
  });

  it('copies the letter, and says so to a screen reader', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    renderTab(
      <SubjectNoticePanel incident={highRisk()} canEdit onChanged={jest.fn()} onReload={jest.fn()} reloading={false} />,
      {
        api: fakeApi({ noticeText: noticeTextMock() }),
      },
    );
    await letterText();
    fireEvent.click(screen.getByRole('button', { name: 'Kopiera brevet' }));
    await screen.findByText('Brevet är kopierat.');
    expect(writeText).toHaveBeenCalledWith(LETTER_SV);
    expect(screen.getByText('Brevet är kopierat.').getAttribute('role')).toBe('status');
  });

  it('downloads the Word document with the API client and saves it under its file name', async () => {
    const blob = new Blob(['docx'], { type: 'application/octet-stream' });
    const letterDocument = jest.fn().mockResolvedValue({ blob, filename: 'PUI-2026-0001-art34-sv.docx' });
    const createObjectURL = jest.fn(() => 'blob:letter');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });
    renderTab(
      <SubjectNoticePanel incident={highRisk()} canEdit onChanged={jest.fn()} onReload={jest.fn()} reloading={false} />,
      {
        api: fakeApi({ noticeText: noticeTextMock(), letterDocument }),
      },
    );
    await letterText();
    fireEvent.click(screen.getByRole('link', { name: 'Ladda ner brevet (Word)' }));
    await waitFor(() => expect(clicked).toEqual(['PUI-2026-0001-art34-sv.docx blob:letter']));
    expect(letterDocument).toHaveBeenCalledWith('inc-1', 'sv');
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    jest.restoreAllMocks();
  });

  it('says when the text cannot be fetched, and fetches again on "Försök igen"', async () => {
    const noticeText = noticeTextMock()
      .mockRejectedValueOnce(new ApiError(503, 'store_unavailable', 'Registret svarar inte just nu.'))
      .mockResolvedValueOnce(LETTER_SV);
    renderTab(
      <SubjectNoticePanel incident={highRisk()} canEdit onChanged={jest.fn()} onReload={jest.fn()} reloading={false} />,
      {
        api: fakeApi({ noticeText }),
      },
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Texten kunde inte hämtas: Registret svarar inte just nu.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect((await letterText()).value).toBe(LETTER_SV);
    expect(noticeText).toHaveBeenCalledTimes(2);
  });

  it('says the letter is not required when the risk is not high', async () => {
    const incident = anIncident({
      assessment: {
        risk: 'risk',
        rationale: 'Känd mottagare.',
        assessedAt: '2026-11-20T09:30:00.000Z',
        assessedBy: dpo,
      },
    });
    renderTab(
      <SubjectNoticePanel incident={incident} canEdit onChanged={jest.fn()} onReload={jest.fn()} reloading={false} />,
      {
        api: fakeApi({ noticeText: noticeTextMock() }),
      },
    );
    expect(screen.getByText(/Risken är inte bedömd som hög, så brevet krävs inte/)).toBeTruthy();
    await letterText();
  });

  it('fetches nothing while the track is closed (the access log records a read only when the DPO looks)', () => {
    jest.useFakeTimers();
    const noticeText = noticeTextMock();
    const closed = { isOpen: () => false, toggle: () => undefined, reveal: () => undefined };
    renderTab(
      <TrackProvider value={closed}>
        <SubjectNoticePanel
          incident={highRisk()}
          canEdit
          onChanged={jest.fn()}
          onReload={jest.fn()}
          reloading={false}
        />
        <ImyNoticePanel
          incident={highRisk()}
          supplementDueAt={null}
          canEdit
          onChanged={jest.fn()}
          onReload={jest.fn()}
          reloading={false}
        />
      </TrackProvider>,
      { api: fakeApi({ noticeText }) },
    );
    passTheSettlingTime();
    expect(noticeText).not.toHaveBeenCalled();
  });

  it('is shown to the DPO on a closed incident too (nothing to record there), and never to a reporter', () => {
    jest.useFakeTimers();
    const noticeText = noticeTextMock();
    const closedIncident = highRisk({ status: 'closed', closedAt: '2026-11-25T10:00:00.000Z', closedBy: dpo });
    const props = { canEdit: false, onChanged: jest.fn(), onReload: jest.fn(), reloading: false };
    renderTab(<SubjectNoticePanel incident={closedIncident} {...props} />, { api: fakeApi({ noticeText }) });
    expect(screen.getByTestId('art34-letter')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Registrera informationen' })).toBeNull();
    cleanup();
    noticeText.mockClear();
    renderTab(<SubjectNoticePanel incident={highRisk()} {...props} />, {
      api: fakeApi({ noticeText }),
      session: { isDpo: false },
    });
    expect(screen.queryByTestId('art34-letter')).toBeNull();
    passTheSettlingTime();
    expect(noticeText).not.toHaveBeenCalled();
  });

  it('reads in English', async () => {
    renderTab(
      <SubjectNoticePanel incident={highRisk()} canEdit onChanged={jest.fn()} onReload={jest.fn()} reloading={false} />,
      {
        api: fakeApi({ noticeText: noticeTextMock() }),
        locale: 'en',
      },
    );
    expect(screen.getByRole('heading', { name: 'Letter to the data subjects' })).toBeTruthy();
    expect(screen.getByText(/Fetching the text/)).toBeTruthy();
    await letterText();
    expect(screen.getByRole('link', { name: 'Download the letter (Word)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the letter' })).toBeTruthy();
    expect(screen.getByLabelText('English')).toBeTruthy();
  });
});

describe("the IMY text is the server's", () => {
  afterEach(cleanup);

  function renderImyPanel(incident: Incident, noticeText: ReturnType<typeof noticeTextMock>) {
    renderTab(
      <ImyNoticePanel
        incident={incident}
        supplementDueAt={null}
        canEdit
        onChanged={jest.fn()}
        onReload={jest.fn()}
        reloading={false}
      />,
      { api: fakeApi({ noticeText }) },
    );
  }

  it('asks for the draft (when, phased) while the notice is not recorded, and shows what the server says', async () => {
    const noticeText = noticeTextMock(async (_id, q) => `Organisationsnummer: 212000-0000\nphased=${String(q.phased)}`);
    const incident = anIncident({
      assessment: { risk: 'risk', rationale: 'Känd.', assessedAt: '2026-11-20T09:30:00.000Z', assessedBy: dpo },
    });
    renderImyPanel(incident, noticeText);
    const text = (await screen.findByTestId('imy-text')) as HTMLTextAreaElement;
    expect(text.value).toBe('Organisationsnummer: 212000-0000\nphased=false');
    expect(noticeText).toHaveBeenCalledWith('inc-1', { kind: 'imy', notifiedAt: undefined, phased: false });
    fireEvent.click(screen.getByLabelText(/^Anmälan görs i etapper/));
    await waitFor(() => expect(text.value).toBe('Organisationsnummer: 212000-0000\nphased=true'));
    fireEvent.change(screen.getByLabelText(/^När anmäldes incidenten till IMY\?/), {
      target: { value: '2026-11-20 11:00' },
    });
    await waitFor(() =>
      expect(noticeText).toHaveBeenLastCalledWith('inc-1', {
        kind: 'imy',
        notifiedAt: '2026-11-20T10:00:00.000Z',
        phased: true,
      }),
    );
  });

  it('asks for the recorded notice only, once there is one', async () => {
    const noticeText = noticeTextMock(async () => 'Anmälan görs i etapper: Ja');
    const incident = highRisk({
      imyNotice: {
        notifiedAt: '2026-11-20T10:00:00.000Z',
        phased: true,
        recordedAt: '2026-11-20T10:00:00.000Z',
        recordedBy: dpo,
      },
    });
    renderImyPanel(incident, noticeText);
    expect(((await screen.findByTestId('imy-text')) as HTMLTextAreaElement).value).toBe('Anmälan görs i etapper: Ja');
    expect(noticeText).toHaveBeenCalledWith('inc-1', { kind: 'imy' });
  });
});
