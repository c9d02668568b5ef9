/** @jest-environment jsdom */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { TimeField } from '../../../src/tab/components/time-field';
import { toLocalInput } from '../../../src/tab/components/time-input';
import { renderTab } from '../support/tab-fixtures';

function Harness({ initial = '', nowButton = false }: { initial?: string; nowButton?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TimeField label="När hände det?" required value={value} onChange={setValue} nowButton={nowButton} />
      <output data-testid="value">{value}</output>
    </>
  );
}
const field = () => screen.getByLabelText(/^När hände det\?/) as HTMLInputElement;

describe('TimeField', () => {
  afterEach(cleanup);

  it('is a text field in the one Swedish format, not the browser-drawn datetime-local', () => {
    renderTab(<Harness initial="2026-11-21T14:30" />);
    expect(field().type).toBe('text');
    expect(field().value).toBe('2026-11-21 14:30');
    expect(field().placeholder).toBe('ÅÅÅÅ-MM-DD TT:MM');
    expect(screen.getByText('Svensk tid, ÅÅÅÅ-MM-DD TT:MM.')).toBeTruthy();
  });

  it('names a value that is not a time on leaving the field, and forgets it on typing', () => {
    renderTab(<Harness />);
    fireEvent.change(field(), { target: { value: '11/21/2026 2:30 PM' } });
    fireEvent.blur(field());
    expect(
      screen.getByText('Skriv datum och klockslag som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-11-21 14:30.'),
    ).toBeTruthy();
    expect(field().getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field(), { target: { value: '2026-11-21 14:30' } });
    expect(screen.queryByText(/Skriv datum och klockslag/)).toBeNull();
  });

  it('fills in the current Swedish time only when "Nu" is pressed', () => {
    renderTab(<Harness nowButton />);
    expect(screen.getByTestId('value').textContent).toBe('');
    const before = toLocalInput(new Date()).replace('T', ' ');
    fireEvent.click(screen.getByRole('button', { name: 'Nu: När hände det?' }));
    expect([before, toLocalInput(new Date()).replace('T', ' ')]).toContain(field().value);
  });

  it('speaks English in English', () => {
    renderTab(<Harness nowButton />, { locale: 'en' });
    expect(field().placeholder).toBe('YYYY-MM-DD HH:MM');
    expect(screen.getByRole('button', { name: 'Now: När hände det?' })).toBeTruthy();
  });
});
