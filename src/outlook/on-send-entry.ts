/**
 * The event runtime's script (dist/outlook/send-check.js): registers the `OnMessageSend` handler
 * with `Office.actions.associate`. The server prepends the settings as
 * `globalThis.PUI_SEND_CHECK_SETTINGS`, so nothing is fetched when the user presses Send.
 */
import { onMessageSend, type SendEventLike, type SendOfficeLike } from './on-send';
import { DEFAULT_SEND_CHECK_SETTINGS, type SendCheckSettings } from './send-check';
import {
  createSendCheckReporter,
  officeSsoToken,
  type FetchLike,
  type OfficeRuntimeAuthLike,
} from './send-check-report';

/** The action id the manifest's `autoRunEvents` name. */
export const ON_MESSAGE_SEND_ACTION = 'onMessageSendHandler';

declare const Office: SendOfficeLike & {
  actions: { associate(name: string, handler: (event: SendEventLike) => void): void };
};

const settings =
  (globalThis as { PUI_SEND_CHECK_SETTINGS?: SendCheckSettings }).PUI_SEND_CHECK_SETTINGS ??
  DEFAULT_SEND_CHECK_SETTINGS;

const runtime = globalThis as { OfficeRuntime?: { auth?: OfficeRuntimeAuthLike }; fetch?: FetchLike };
// Counts only where the server said where to (and fetch exists); with sign-in, the user's Office SSO token.
const report =
  settings.eventsUrl && runtime.fetch
    ? createSendCheckReporter({
        url: settings.eventsUrl,
        fetch: runtime.fetch.bind(globalThis),
        getToken: settings.signIn ? officeSsoToken(runtime.OfficeRuntime?.auth) : undefined,
      })
    : undefined;

Office.actions.associate(ON_MESSAGE_SEND_ACTION, (event) => {
  void onMessageSend(event, { office: Office, settings, report });
});
