/** @jest-environment jsdom */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { NoticeDetailsPanel } from '../../src/tab/incident/notice-details-panel';
import { changeMock, fieldRefusal, PanelHarness } from './support/panel-harness';
import { anIncident, DPO, fakeApi, renderTab } from './support/tab-fixtures';

const dpo = { id: DPO.id, name: DPO.name };

describe('NoticeDetailsPanel', () => {
  afterEach(cleanup);

  it('posts the groups, the numbers, the consequences and cross-border with the etag it read', async () => {
    const change = changeMock().mockResolvedValue(
      anIncident({
        etag: 'etag-2',
        noticeDetails: {
          subjectCategories: ['clients'],
          recordCount: 40,
          consequences: ['secrecy'],
          crossBorder: false,
          recordedAt: '2026-11-20T12:00:00.000Z',
          recordedBy: dpo,
        },
      }),
    );
    renderTab(<PanelHarness panel={NoticeDetailsPanel} initial={anIncident({ measures: undefined })} />, {
      api: fakeApi({ change }),
    });
    fireEvent.click(screen.getByLabelText('Klienter eller brukare inom socialtjänsten'));
    fireEvent.change(screen.getByLabelText(/^Ungefärligt antal personuppgiftsposter/), { target: { value: '40' } });
    fireEvent.click(screen.getByLabelText('Röjande av uppgifter som omfattas av sekretess eller tystnadsplikt'));
    fireEvent.click(screen.getByLabelText('Nej'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara uppgifterna' }));

    await screen.findByText('Sparat.');
    expect(change).toHaveBeenCalledWith(
      'inc-1',
      'notice-details',
      {
        subjectCategories: ['clients'],
        consequences: ['secrecy'],
        affectedCount: 2,
        recordCount: 40,
        crossBorder: false,
      },
      'etag-1',
    );
  });

  it('names an unreadable number on its field and sends nothing', async () => {
    const change = changeMock();
    renderTab(<PanelHarness panel={NoticeDetailsPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(screen.getByLabelText(/^Ungefärligt antal personuppgiftsposter/), { target: { value: 'ca 40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara uppgifterna' }));
    expect(
      await screen.findByText('Skriv antalet som ett heltal, till exempel 40, eller lämna fältet tomt.'),
    ).toBeTruthy();
    expect(change).not.toHaveBeenCalled();
  });

  it("shows the API's message on the records field", async () => {
    const message = 'Ange ungefärligt antal personuppgiftsposter som ett heltal från 0 till 100 000 000.';
    const change = changeMock().mockRejectedValue(fieldRefusal('recordCount', 'invalid_record_count', message));
    renderTab(<PanelHarness panel={NoticeDetailsPanel} initial={anIncident()} />, { api: fakeApi({ change }) });
    fireEvent.change(screen.getByLabelText(/^Ungefärligt antal personuppgiftsposter/), {
      target: { value: '200000000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Spara uppgifterna' }));
    expect(await screen.findAllByText(message)).not.toHaveLength(0);
    expect(change.mock.calls[0][2]).toMatchObject({ recordCount: 200000000 });
  });
});
