/** @jest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../src/web/api-client';
import type { PuiApi } from '../../src/tab/api/pui-api';
import { DRAFT_KEY } from '../../src/tab/report/report-draft';
import { ReportPage } from '../../src/tab/report/report-page';
import { anIncident, fakeApi, renderTab } from './support/tab-fixtures';

const send = () => fireEvent.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp, value: string) => fireEvent.change(field(label), { target: { value } });

function fillValidReport() {
  type(/^Rubrik/, 'Beslut skickat till fel adress');
  type(/^Vad har hänt\?/, 'Ett beslut skickades till en gammal adress.');
  type(/^När upptäcktes incidenten\?/, '2025-03-10T10:00');
}

describe('ReportPage', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(cleanup);

  it('shows a message at each missing required field and a summary, and sends nothing', () => {
    const report = jest.fn();
    renderTab(<ReportPage />, { api: fakeApi({ report }) });
    type(/^När upptäcktes incidenten\?/, '');
    send();

    expect(field(/^Rubrik/).getAttribute('aria-invalid')).toBe('true');
    expect(field(/^Vad har hänt\?/).getAttribute('aria-invalid')).toBe('true');
    const summary = screen.getByTestId('error-summary');
    expect(within(summary).getByText('Rätta 3 uppgifter innan du skickar')).toBeTruthy();
    expect(
      within(summary).getByRole('button', { name: 'Rubrik: Skriv en rubrik: en rad om vad som hänt.' }),
    ).toBeTruthy();
    expect(
      screen.getAllByText('Ange när incidenten upptäcktes: datum och klockslag i svensk tid, som ÅÅÅÅ-MM-DD TT:MM.')
        .length,
    ).toBeGreaterThan(0);
    expect(report).not.toHaveBeenCalled();
  });

  it('moves focus to the field when its entry in the summary is chosen', () => {
    renderTab(<ReportPage />);
    send();
    fireEvent.click(within(screen.getByTestId('error-summary')).getByRole('button', { name: /^Vad har hänt\?/ }));
    expect(document.activeElement).toBe(field(/^Vad har hänt\?/));
  });

  it('says so when the occurrence is after the discovery', () => {
    renderTab(<ReportPage />);
    fillValidReport();
    type(/^När inträffade incidenten\?/, '2025-03-10T11:00');
    send();
    expect(
      screen.getByText('Incidenten kan inte ha inträffat efter att den upptäcktes. Kontrollera datum och klockslag.'),
    ).toBeTruthy();
    expect(field(/^När inträffade incidenten\?/).getAttribute('aria-invalid')).toBe('true');
  });

  it('says nothing on leaving a field before the first send, so nothing below it moves; after a send the messages follow what is typed', () => {
    const report = jest.fn();
    renderTab(<ReportPage />, { api: fakeApi({ report }) });
    const form = document.querySelector('form')!;
    const button = screen.getByRole('button', { name: 'Skicka rapporten' });
    const place = () => [...form.querySelectorAll('*')].indexOf(button);
    type(/^Rubrik/, '');
    type(/^Ungefär hur många/, '-5');
    type(/^När inträffade incidenten\?/, 'i tisdags');
    const before = { place: place(), elements: form.querySelectorAll('*').length, text: form.textContent };
    for (const label of [/^Rubrik/, /^Ungefär hur många/, /^När inträffade incidenten\?/]) {
      fireEvent.focus(field(label));
      fireEvent.blur(field(label));
    }
    expect({ place: place(), elements: form.querySelectorAll('*').length, text: form.textContent }).toEqual(before);
    expect(screen.queryByText('Skriv en rubrik: en rad om vad som hänt.')).toBeNull();
    expect(field(/^Ungefär hur många/).getAttribute('aria-invalid')).not.toBe('true');

    send();
    expect(report).not.toHaveBeenCalled();
    expect(screen.getAllByText('Skriv en rubrik: en rad om vad som hänt.').length).toBeGreaterThan(0);
    expect(field(/^Ungefär hur många/).getAttribute('aria-invalid')).toBe('true');
    expect(field(/^När inträffade incidenten\?/).getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description for a screen reader.
    const described = (field(/^Rubrik/).getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.some((id) => document.getElementById(id)?.textContent?.includes('Skriv en rubrik'))).toBe(true);
    // Fixed by typing, without leaving the field: the message goes at once, and comes back if it is emptied again.
    type(/^Rubrik/, 'Brev till fel adress');
    expect(field(/^Rubrik/).getAttribute('aria-invalid')).not.toBe('true');
    type(/^Rubrik/, '');
    expect(field(/^Rubrik/).getAttribute('aria-invalid')).toBe('true');
  });

  it('warns about an identity number in the title and masks it on request', () => {
    renderTab(<ReportPage />);
    type(/^Rubrik/, 'Brev till fel adress 19121212-1212');
    expect(screen.getByText(/Rubriken ser ut att innehålla ett personnummer/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Maskera personnumret i rubriken' }));
    expect(field(/^Rubrik/).value).toBe('Brev till fel adress [personnummer]');
    expect(screen.queryByText(/Rubriken ser ut att innehålla ett personnummer/)).toBeNull();
    expect(screen.getByText('Personnumret i rubriken är maskerat.')).toBeTruthy();
  });

  it.each([
    ['a non-breaking hyphen', 'Brev om 121212\u20111212'],
    ['a space instead of the hyphen', 'Brev om 19121212 1212'],
    ['spaces around the hyphen', 'Brev om 121212 - 1212'],
    ['a zero-width space before the hyphen', 'Brev om 121212\u200b-1212'],
    ['full-width digits', 'Brev om １２１２１２-１２１２'],
    ['Arabic-Indic digits and a minus sign', 'Brev om ١٢١٢١٢\u2212١٢١٢'],
    ['the date written out', 'Brev om 1912-12-12-1212'],
  ])('warns about an identity number written with %s, and masks exactly it', (_how, title) => {
    renderTab(<ReportPage />);
    type(/^Rubrik/, title);
    expect(screen.getByText(/Rubriken ser ut att innehålla ett personnummer/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Maskera personnumret i rubriken' }));
    expect(field(/^Rubrik/).value).toBe('Brev om [personnummer]');
  });

  it('does not warn about a date or a phone number in the title', () => {
    renderTab(<ReportPage />);
    type(/^Rubrik/, 'Sms 2025-03-10 till 070-123 45 67');
    expect(screen.queryByText(/Rubriken ser ut att innehålla ett personnummer/)).toBeNull();
  });

  it('keeps the draft in sessionStorage across a reload of the page', () => {
    const first = renderTab(<ReportPage />);
    type(/^Rubrik/, 'Utkast som ska överleva');
    fireEvent.click(screen.getByLabelText('Hälsa'));
    expect(sessionStorage.getItem(DRAFT_KEY)).toContain('Utkast som ska överleva');
    first.unmount();

    renderTab(<ReportPage />);
    expect(field(/^Rubrik/).value).toBe('Utkast som ska överleva');
    expect((screen.getByLabelText('Hälsa') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Ditt osparade utkast är återställt.')).toBeTruthy();
  });

  it('sends the report with its report id, shows the receipt and drops the draft', async () => {
    const incident = anIncident({ number: 'PUI-2026-0042', discoveredAt: '2025-03-10T09:00:00.000Z' });
    const report = jest.fn<ReturnType<PuiApi['report']>, Parameters<PuiApi['report']>>().mockResolvedValue(incident);
    renderTab(<ReportPage />, { api: fakeApi({ report }) });
    fillValidReport();
    fireEvent.click(screen.getByLabelText('Konfidentialitet (obehörig har fått del av uppgifter)'));
    type(/^Ungefär hur många personer berörs\?/, '3');
    send();

    await screen.findByTestId('receipt');
    expect(report).toHaveBeenCalledTimes(1);
    const input = report.mock.calls[0][0];
    expect(input).toMatchObject({
      title: 'Beslut skickat till fel adress',
      description: 'Ett beslut skickades till en gammal adress.',
      discoveredAt: '2025-03-10T09:00:00.000Z',
      breachTypes: ['confidentiality'],
      affectedCount: 3,
    });
    expect(input.reportId).toMatch(/^tab-[0-9a-f-]{32,36}$/);
    expect(screen.getByTestId('receipt-number').textContent).toBe('PUI-2026-0042');
    expect(screen.getByText('2025-03-13 10:00')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Tack! Rapporten är mottagen');
    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it("shows the server's field messages at the fields and keeps the draft", async () => {
    const report = jest
      .fn()
      .mockRejectedValue(
        new ApiError(400, 'validation_failed', 'Uppgifterna behöver rättas.', [
          { field: 'unit', code: 'too_long', message: 'Enhet får vara högst 200 tecken.' },
        ]),
      );
    renderTab(<ReportPage />, { api: fakeApi({ report }) });
    fillValidReport();
    send();
    await waitFor(() => expect(field(/^Enhet eller förvaltning/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('Enhet får vara högst 200 tecken.').length).toBeGreaterThan(0);
    expect(sessionStorage.getItem(DRAFT_KEY)).toContain('Beslut skickat till fel adress');
  });

  it('retries with the same report id after a network failure, so the report is registered once', async () => {
    const report = jest
      .fn<ReturnType<PuiApi['report']>, Parameters<PuiApi['report']>>()
      .mockRejectedValueOnce(new ApiError(0, 'network', 'Det gick inte att nå PUI Desk.'))
      .mockResolvedValueOnce(anIncident());
    renderTab(<ReportPage />, { api: fakeApi({ report }) });
    fillValidReport();
    send();
    expect(await screen.findByText('Rapporten kunde inte skickas')).toBeTruthy();
    await act(async () => send());
    await screen.findByTestId('receipt');
    expect(report.mock.calls[1][0].reportId).toBe(report.mock.calls[0][0].reportId);
  });

  it('speaks English when the locale is English', () => {
    renderTab(<ReportPage />, { locale: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Send the report' }));
    expect(screen.getAllByText('Write a title: one line about what happened.').length).toBeGreaterThan(0);
  });
});
