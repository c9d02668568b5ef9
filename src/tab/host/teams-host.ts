/** The tab inside Teams: teams-js behind the {@link TeamsSdk} port. Loaded only when the page is framed. */
import { app, authentication, nestedAppAuth } from '@microsoft/teams-js';
import { loadClientConfig } from '../../web/client-config';
import { createNaaClient } from '../../web/sign-in';
import type { Host } from './host-port';
import { connectWith, type TeamsSdk } from './teams-connection';

const sdk: TeamsSdk = {
  initialize: () => app.initialize(),
  getContext: () => app.getContext(),
  registerOnThemeChangeHandler: (handler) => app.registerOnThemeChangeHandler(handler),
  notifySuccess: () => app.notifySuccess(),
  isNAAChannelRecommended: () => nestedAppAuth.isNAAChannelRecommended(),
  getAuthToken: () => authentication.getAuthToken(),
};

/** Connects to Teams; undefined when the framing page is not a Teams host. */
export function connectTeams(win: Window): Promise<Host | undefined> {
  return connectWith(win, sdk, {
    loadConfig: async () => {
      try {
        return await loadClientConfig(win.location.href);
      } catch (error) {
        console.warn('PUI Desk: no usable config.json next to the tab; signing in with Teams SSO.', error);
        return undefined;
      }
    },
    createNaa: (settings) => createNaaClient(settings),
  });
}
