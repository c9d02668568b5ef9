import { createSendCheckReporter, officeSsoToken, type FetchLike } from '../../src/outlook/send-check-report';

const URL_ = 'https://pui.kalmar.se/api/send-check/events';

/** A fetch that records each request and answers `status`. */
function recordingFetch(status = 204) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  let settle: () => void = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    settle();
    return { ok: status < 400, status };
  };
  return { fetch, calls, done };
}

describe('the send check reporter', () => {
  it('posts exactly { month, kind } as JSON with the token, and nothing else of what it was given', async () => {
    const { fetch, calls, done } = recordingFetch();
    const report = createSendCheckReporter({ url: URL_, fetch, getToken: async () => 'tok-123' });
    // Anything more on the object (here: what a careless caller might pass) must not go along.
    report({ month: '2026-12', kind: 'fired', subject: 'Beslut 121212-1212', to: 'anna@gmail.com' } as never);
    await done;
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls;
    expect(url).toBe(URL_);
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"month":"2026-12","kind":"fired"}');
    expect(Object.keys(JSON.parse(init.body))).toEqual(['month', 'kind']);
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer tok-123' });
    expect(init.credentials).toBe('omit');
    expect(init.keepalive).toBe(true);
  });

  it('sends no Authorization header without a token source (local profile)', async () => {
    const { fetch, calls, done } = recordingFetch();
    createSendCheckReporter({ url: URL_, fetch })({ month: '2026-11', kind: 'changed' });
    await done;
    expect(calls[0].init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(calls[0].init.body).toBe('{"month":"2026-11","kind":"changed"}');
  });

  it('returns at once (never awaited by the handler) and logs a failure by status only', async () => {
    const { fetch, done } = recordingFetch(401);
    const log = jest.fn();
    const logged = new Promise<void>((resolve) => log.mockImplementation(() => resolve()));
    const result = createSendCheckReporter({ url: URL_, fetch, getToken: async () => 'secret-token', log })({
      month: '2026-12',
      kind: 'fired',
    });
    expect(result).toBeUndefined();
    await done;
    await logged;
    expect(log.mock.calls[0][0]).toBe('PUI Desk send check could not report the fired event (HTTP 401).');
  });

  it('logs a token failure by kind, without posting', async () => {
    const { fetch, calls } = recordingFetch();
    const log = jest.fn();
    const logged = new Promise<void>((resolve) => log.mockImplementation(() => resolve()));
    createSendCheckReporter({ url: URL_, fetch, getToken: officeSsoToken(undefined), log })({
      month: '2026-12',
      kind: 'fired',
    });
    await logged;
    expect(calls).toHaveLength(0);
    expect(log.mock.calls[0][0]).toBe('PUI Desk send check could not report the fired event (Error).');
  });

  it('asks Office SSO for a token without any prompt (the event runtime may show none)', async () => {
    const getAccessToken = jest.fn(async () => 'sso-token');
    expect(await officeSsoToken({ getAccessToken })()).toBe('sso-token');
    expect(getAccessToken).toHaveBeenCalledWith({
      allowSignInPrompt: false,
      allowConsentPrompt: false,
      forMSGraphAccess: false,
    });
  });
});
