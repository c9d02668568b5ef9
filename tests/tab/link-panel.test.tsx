/** @jest-environment jsdom */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { PanelProps } from '../../src/tab/incident/panel';
import { LinkPanel } from '../../src/tab/incident/link-panel';
import { changeMock, fieldRefusal, PanelHarness } from './support/panel-harness';
import { anIncident, fakeApi, renderTab } from './support/tab-fixtures';

const dana = { id: 'dpo-1', name: 'Dana Dataskydd' };
const link = { id: 'main', number: 'PUI-2026-0001', linkedAt: '2026-11-20T09:30:00.000Z', linkedBy: dana };
const report = anIncident({ id: 'r', number: 'PUI-2026-0002' });
const numberField = () => screen.getByLabelText(/^Huvudincidentens nummer/) as HTMLInputElement;
const unlinked = (panel: PanelProps) => <LinkPanel {...panel} linkedReports={[]} />;

describe('LinkPanel', () => {
  afterEach(cleanup);

  it('links the report to the main number typed, naming the etag it read, and then shows the link', async () => {
    const change = changeMock().mockResolvedValue({ ...report, etag: 'etag-2', linkedTo: link });
    renderTab(<PanelHarness panel={unlinked} initial={report} />, { api: fakeApi({ change }) });
    expect(screen.getByTestId('link-summary').textContent).toBe('Inte länkad');
    fireEvent.change(numberField(), { target: { value: ' PUI-2026-0001 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Länka till huvudincidenten' }));

    await screen.findByTestId('linked-to');
    expect(change).toHaveBeenCalledWith('r', 'link', { mainNumber: 'PUI-2026-0001' }, 'etag-1');
    expect(screen.getByTestId('linked-to').textContent).toContain('Länkad till huvudincidenten: PUI-2026-0001.');
    expect(screen.getByTestId('linked-to').textContent).toContain('Länkad 2026-11-20 10:30 av Dana Dataskydd.');
    expect(screen.getByTestId('link-summary').textContent).toBe('Länkad till PUI-2026-0001');
  });

  it("shows the API's refusal on the field and keeps the form", async () => {
    const message = 'PUI-2026-0002 kan inte länkas till sig själv. Ange numret på en annan incident.';
    const change = changeMock().mockRejectedValue(fieldRefusal('mainNumber', 'self_link', message));
    renderTab(<PanelHarness panel={unlinked} initial={report} />, { api: fakeApi({ change }) });
    fireEvent.change(numberField(), { target: { value: 'PUI-2026-0002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Länka till huvudincidenten' }));
    await screen.findByText(message);
    expect(numberField().value).toBe('PUI-2026-0002');
  });

  it('removes the link with one button and says the report has its own clock again', async () => {
    const change = changeMock().mockResolvedValue({ ...report, etag: 'etag-2' });
    const linked = (panel: PanelProps) => <LinkPanel {...panel} linkedReports={[]} />;
    renderTab(<PanelHarness panel={linked} initial={{ ...report, linkedTo: link }} />, { api: fakeApi({ change }) });
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort länken' }));
    await screen.findByText('Länken är borttagen. Rapporten har sin egen klocka igen.');
    expect(change).toHaveBeenCalledWith('r', 'unlink', {}, 'etag-1');
    expect(screen.queryByTestId('linked-to')).toBeNull();
  });

  it('lists on a main the reports linked to it, titles masked, and offers no link of its own', () => {
    const asMain = (panel: PanelProps) => (
      <LinkPanel
        {...panel}
        linkedReports={[{ id: 'x', number: 'PUI-2026-0003', title: 'Mejl om 19121212-1212', status: 'new' }]}
      />
    );
    renderTab(<PanelHarness panel={asMain} initial={anIncident()} />);
    const list = screen.getByTestId('linked-reports').textContent;
    expect(list).toContain('PUI-2026-0003');
    expect(list).not.toContain('19121212');
    expect(screen.getByTestId('link-summary').textContent).toBe('1 rapport länkad hit');
    expect(screen.queryByLabelText(/^Huvudincidentens nummer/)).toBeNull();
  });
});
