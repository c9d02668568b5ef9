import { Forbidden } from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { errorText, SOMETHING_WENT_WRONG } from '../../bot/replies';

describe('errorText', () => {
  it("gives a domain error's own message and logs nothing", () => {
    const lines: string[] = [];
    expect(
      errorText(
        new Forbidden(),
        createLogger('info', (l) => lines.push(l)),
        'incident.take',
      ),
    ).toBe(new Forbidden().message);
    expect(lines).toEqual([]);
  });

  it('logs an unexpected error by name and frames, never its message', () => {
    const lines: string[] = [];
    let error: unknown;
    try {
      JSON.parse('Utredning om 19121212-1212');
    } catch (e) {
      error = e;
    }
    expect(
      errorText(
        error,
        createLogger('info', (l) => lines.push(l)),
        'report.submit',
      ),
    ).toBe(SOMETHING_WENT_WRONG);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      message: 'bot action failed',
      where: 'report.submit',
      error: 'SyntaxError',
      stack: expect.stringMatching(/^at /),
    });
    expect(lines[0]).not.toMatch(/Utredning|1212-1212/);
  });
});
