/** Paths and test values shared by the app package tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
export const ENV_DIR = path.join(ROOT, 'env');

/** Values for every placeholder, as an environment file would give them. */
export const TEST_VALUES: Record<string, string> = {
  TEAMSFX_ENV: 'test',
  APP_NAME_SUFFIX: '',
  TEAMS_APP_ID: '0f6b1a2c-3d4e-4f50-8a61-72b83c94d0a5',
  BOT_ID: '1a2b3c4d-5e6f-4a70-8b81-92c03d14e5f6',
  AAD_APP_CLIENT_ID: '2b3c4d5e-6f70-4a81-9c92-a3d04e25f607',
  AAD_APP_OBJECT_ID: '3c4d5e6f-7081-4a92-8da3-b4e15f360718',
  AAD_APP_TENANT_ID: '4d5e6f70-8192-4aa3-9eb4-c5f260471829',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '5e6f7081-92a3-4bb4-8fc5-d60371582a3b',
  TAB_DOMAIN: 'pui.kommun.example',
  TAB_ENDPOINT: 'https://pui.kommun.example',
  DEVELOPER_NAME: 'Exempelkommun',
  DEVELOPER_WEBSITE_URL: 'https://www.kommun.example',
  PRIVACY_URL: 'https://www.kommun.example/personuppgifter',
  TERMS_OF_USE_URL: 'https://www.kommun.example/villkor',
};

/** The text of a file in the repository. */
export function repoFile(...parts: string[]): string {
  return readFileSync(path.join(ROOT, ...parts), 'utf8');
}

/** An env file giving `values`. */
export function envFileText(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join('\n');
}
