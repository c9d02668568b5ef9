/** @jest-environment jsdom */
import '../support/jsdom-polyfills';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../../src/web/api-client';
import type { SignInState } from '../../../src/web/sign-in';
import type { ClientConfig } from '../../../src/web/client-config';
import { App } from '../../../src/outlook/components/app';
import { TaskPane, type SubmitFn } from '../../../src/outlook/components/task-pane';
import { localOffice } from '../../../src/outlook/local-office-host';
import { readMailItem, type MailSnapshot } from '../../../src/outlook/mail-item';
import type { ReportRequest } from '../../../src/web/api-contract';
import { fixtureMails, mockOffice } from '../support/mock-mailbox';

const NOW = new Date('2026-11-18T13:05:00Z');
const config: ClientConfig = {
  profile: 'local',
  organisationName: 'Kommunen',
  organisationDomains: ['kommun.example.se'],
};
const localAuth: SignInState = { kind: 'local', getToken: async () => undefined };

async function sentMail(): Promise<MailSnapshot> {
  return readMailItem(mockOffice(fixtureMails[0], { user: 'anna.handlaggare@kommun.example.se' }).context.mailbox!);
}

function okSubmit(): jest.Mock<ReturnType<SubmitFn>, Parameters<SubmitFn>> {
  return jest.fn<ReturnType<SubmitFn>, Parameters<SubmitFn>>(async (request: ReportRequest) => ({
    id: 'i1',
    number: 'PUI-2026-0042',
    reportId: request.reportId,
    deadline: '2026-11-21T13:05:00.000Z',
    status: 'new' as const,
    discoveredAt: request.discoveredAt,
  }));
}

function renderPane(props: Partial<Parameters<typeof TaskPane>[0]> & { mail: MailSnapshot }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane
        config={config}
        auth={localAuth}
        locale="sv"
        pageUrl="http://127.0.0.1/outlook/"
        now={() => NOW}
        {...props}
      />
    </FluentProvider>,
  );
}

describe('TaskPane', () => {
  it('shows the mail with the external recipient marked and the scan counts', async () => {
    renderPane({ mail: await sentMail(), submit: okSubmit() });
    const recipients = screen.getAllByTestId('recipient');
    expect(recipients.map((r) => [r.textContent, r.getAttribute('data-external')])).toEqual([
      ['Erik Skola <erik.skola@extern-skola.example.com>Extern', 'true'],
      ['Enhetschef <enhetschef@kommun.example.se>Intern', 'false'],
    ]);
    expect(screen.getByTestId('scan-personnummer').textContent).toBe('2');
    expect(screen.getByTestId('scan-samordningsnummer').textContent).toBe('0');
    expect(screen.getByTestId('scan-health').textContent).toBe('3');
  });

  it('prefills every field, each with a label', async () => {
    renderPane({ mail: await sentMail(), submit: okSubmit() });
    expect((screen.getByLabelText(/^Rubrik/) as HTMLInputElement).value).toBe(
      'Mejl skickat till fel mottagare 2026-11-18',
    );
    expect((screen.getByLabelText(/^Vad har hänt\?/) as HTMLTextAreaElement).value).toContain(
      'varav 1 utanför organisationen',
    );
    expect((screen.getByLabelText(/^När inträffade incidenten/) as HTMLInputElement).value).toBe('2026-11-18 09:42');
    expect((screen.getByLabelText(/^När upptäcktes incidenten/) as HTMLInputElement).value).toBe('2026-11-18 14:05');
    // A text field in the one written form, not datetime-local (which the browser draws in its own locale).
    expect(screen.getByLabelText(/^När upptäcktes incidenten/)).toMatchObject({
      type: 'text',
      placeholder: 'ÅÅÅÅ-MM-DD TT:MM',
    });
    expect(
      (screen.getByLabelText('Konfidentialitet (obehörig har fått del av uppgifter)') as HTMLInputElement).checked,
    ).toBe(true);
    expect((screen.getByLabelText('Riktighet (uppgifter har ändrats obehörigt)') as HTMLInputElement).checked).toBe(
      false,
    );
    expect((screen.getByLabelText('Personnummer eller samordningsnummer') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Hälsa') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/^Ungefär hur många personer berörs/) as HTMLInputElement).value).toBe('2');
    expect((screen.getByLabelText('Varför inträffade incidenten, enligt dig?') as HTMLSelectElement).value).toBe(
      'human-error',
    );
    expect((screen.getByLabelText('Jag skickade mejlet till fel mottagare') as HTMLInputElement).checked).toBe(true);
    // Every input, textarea and select in the form has an accessible label.
    for (const el of document.querySelectorAll('form input, form textarea, form select')) {
      const id = el.getAttribute('id');
      const labelled =
        el.getAttribute('aria-labelledby') ||
        (id && document.querySelector(`label[for="${id}"]`)) ||
        el.closest('label');
      expect([el.getAttribute('name'), Boolean(labelled)]).toEqual([el.getAttribute('name'), true]);
    }
  });

  it('sends the edited report without the mail body and shows the receipt with advice', async () => {
    const submit = okSubmit();
    renderPane({ mail: await sentMail(), submit });
    fireEvent.change(screen.getByLabelText('Vad har redan gjorts?'), { target: { value: 'Ringt mottagaren.' } });
    fireEvent.click(screen.getByLabelText('Kontaktuppgifter'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    });
    expect(submit).toHaveBeenCalledTimes(1);
    const [request, token, locale] = submit.mock.calls[0];
    expect(token).toBeUndefined();
    expect(locale).toBe('sv');
    expect(request).toMatchObject({
      measures: 'Ringt mottagaren.',
      cause: 'human-error',
      breachTypes: ['confidentiality'],
      occurredAt: '2026-11-18T08:42:00.000Z',
      discoveredAt: '2026-11-18T13:05:00.000Z',
    });
    // The mail's Message-ID goes along, so the sender's and the recipient's reports of it are grouped.
    expect(request.internetMessageId).toBe((await sentMail()).internetMessageId);
    expect(request.internetMessageId).toMatch(/^<.+>$/);
    expect(request.dataCategories).toEqual(['identity-numbers', 'health', 'social-services', 'children', 'contact']);
    expect(JSON.stringify(request)).not.toMatch(/020412|198507|ADHD|Hej,|utredning\.pdf|erik\.skola/);
    const receipt = await screen.findByTestId('receipt');
    expect(within(receipt).getByTestId('receipt-number').textContent).toBe('PUI-2026-0042');
    expect(within(receipt).getByTestId('receipt-deadline').textContent).toBe('2026-11-21 14:05 (3 d kvar)');
    expect(within(receipt).getByTestId('advice').textContent).toContain('be hen radera mejlet');
    expect(within(receipt).getByTestId('advice').textContent).toContain('Återkalla meddelande');
  });

  it('shows its own checks at the fields and sends nothing', async () => {
    const submit = okSubmit();
    renderPane({ mail: await sentMail(), submit });
    fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    });
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByText('Skriv en rubrik: en rad om vad som hänt.')).toBeTruthy();
    expect(screen.getByLabelText(/^Rubrik/).getAttribute('aria-invalid')).toBe('true');
  });

  it("shows the server's validation messages at the fields and retries with the same report id", async () => {
    const submit = jest
      .fn<ReturnType<SubmitFn>, Parameters<SubmitFn>>()
      .mockRejectedValueOnce(
        new ApiError(400, 'validation_failed', 'x', [
          {
            field: 'occurredAt',
            code: 'occurred_after_discovered',
            message: 'Incidenten kan inte ha inträffat efter att den upptäcktes.',
          },
        ]),
      )
      .mockImplementationOnce(okSubmit());
    renderPane({ mail: await sentMail(), submit });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    });
    expect(screen.getByText('Incidenten kan inte ha inträffat efter att den upptäcktes.')).toBeTruthy();
    expect(screen.getByTestId('submit-failure').textContent).toContain(
      'Rätta fälten som är markerade och skicka igen.',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    });
    expect(submit).toHaveBeenCalledTimes(2);
    expect(submit.mock.calls[1][0].reportId).toBe(submit.mock.calls[0][0].reportId);
    expect(await screen.findByTestId('receipt')).toBeTruthy();
  });

  it('sends the token when signed in', async () => {
    const submit = okSubmit();
    renderPane({ mail: await sentMail(), submit, auth: { kind: 'signed-in', getToken: async () => 'access-token' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
    });
    expect(submit.mock.calls[0][1]).toBe('access-token');
  });

  it('cannot send when sign-in is not possible', async () => {
    const submit = okSubmit();
    renderPane({ mail: await sentMail(), submit, auth: { kind: 'unsupported' } });
    const button = screen.getByRole('button', { name: 'Skicka rapporten' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(submit).not.toHaveBeenCalled();
  });

  it('rewrites the unedited texts when the case changes', async () => {
    renderPane({ mail: await sentMail(), submit: okSubmit() });
    fireEvent.click(screen.getByLabelText('Jag fick mejlet av misstag'));
    expect((screen.getByLabelText(/^Rubrik/) as HTMLInputElement).value).toBe('Mejl mottaget av misstag 2026-11-18');
  });
});

/** Renders and lets start-up (config, host, mail, sign-in) finish inside act. */
async function renderApp(ui: React.ReactElement) {
  await act(async () => {
    render(ui);
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

describe('App', () => {
  const href = 'http://127.0.0.1:3978/outlook/?sample=1';

  it('runs on the local stand-in in the local profile and says there is no sign-in', async () => {
    await renderApp(
      <App
        deps={{ href, loadConfig: async () => config, loadLocalOffice: async (i) => localOffice(i) }}
        submit={okSubmit()}
      />,
    );
    expect(await screen.findByTestId('local-profile')).toBeTruthy();
    expect(screen.getByTestId('local-profile').textContent).toContain('Ingen inloggning');
    expect(screen.getByTestId('local-host').textContent).toContain('exempelmejl');
    expect((screen.getByLabelText('Välj exempelmejl') as HTMLSelectElement).value).toBe('1');
    expect((screen.getByLabelText(/^Rubrik/) as HTMLInputElement).value).toBe('Mejl mottaget av misstag 2026-11-17');
    expect(screen.getByTestId('scan-samordningsnummer').textContent).toBe('1');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('explains in Swedish which Outlook versions work when nested app authentication is missing', async () => {
    const office = mockOffice(fixtureMails[0], { user: 'anna.handlaggare@kommun.example.se', naa: false });
    const entra: ClientConfig = {
      ...config,
      profile: 'entra',
      auth: { clientId: 'cid', authority: 'https://login.microsoftonline.com/t', scopes: ['api://cid/access_as_user'] },
    };
    await renderApp(
      <App
        deps={{
          href: 'http://127.0.0.1/outlook/?host=outlook',
          loadConfig: async () => entra,
          loadOffice: async () => office,
        }}
        submit={okSubmit()}
      />,
    );
    const message = await screen.findByTestId('naa-unsupported');
    expect(message.textContent).toContain('Inloggningen fungerar inte i den här Outlook-versionen');
    expect(message.textContent).toContain('version 2409');
    expect(message.textContent).toContain('Outlook.com och Gmail fungerar inte');
    expect((screen.getByRole('button', { name: 'Skicka rapporten' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses to use the stand-in outside Outlook when the profile is not local', async () => {
    const entra: ClientConfig = {
      ...config,
      profile: 'entra',
      auth: { clientId: 'cid', authority: 'https://login.microsoftonline.com/t', scopes: ['s'] },
    };
    const loadLocalOffice = jest.fn();
    await renderApp(
      <App deps={{ href: 'http://127.0.0.1/outlook/', loadConfig: async () => entra, loadLocalOffice }} />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Öppna PUI Desk från ett mejl i Outlook.');
    expect(loadLocalOffice).not.toHaveBeenCalled();
  });

  it('says when config.json cannot be read', async () => {
    await renderApp(
      <App deps={{ href, loadConfig: async () => Promise.reject(new Error('config.json: HTTP 404')) }} />,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Inställningarna kunde inte läsas config.json: HTTP 404',
    );
  });

  it('follows an English Outlook and switches language on request', async () => {
    const office = mockOffice(fixtureMails[0], {
      user: 'anna.handlaggare@kommun.example.se',
      displayLanguage: 'en-GB',
    });
    await renderApp(
      <App
        deps={{
          href: 'http://127.0.0.1/outlook/?host=outlook',
          loadConfig: async () => config,
          loadOffice: async () => office,
        }}
        submit={okSubmit()}
      />,
    );
    expect(await screen.findByLabelText(/^Title/)).toBeTruthy();
    expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe(
      'Mail sent to the wrong recipient 2026-11-18',
    );
    fireEvent.click(screen.getByRole('button', { name: 'På svenska' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('sv'));
    expect((screen.getByLabelText(/^Rubrik/) as HTMLInputElement).value).toBe(
      'Mejl skickat till fel mottagare 2026-11-18',
    );
  });
});
