/** The app-only Entra ID credential chosen by config: client secret, certificate or managed identity. */
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { SharePointCredentialConfig } from './sharepoint-config';

/** Builds the `@azure/identity` credential the Graph client gets its tokens from. */
export function createCredential(config: SharePointCredentialConfig): TokenCredential {
  switch (config.kind) {
    case 'client-secret':
      return new ClientSecretCredential(config.tenantId, config.clientId, config.secret);
    case 'certificate':
      return new ClientCertificateCredential(config.tenantId, config.clientId, config.certificatePath);
    case 'managed-identity':
      return config.clientId
        ? new ManagedIdentityCredential({ clientId: config.clientId })
        : new ManagedIdentityCredential();
  }
}

/** The token scope of a Graph root: `https://graph.microsoft.com/.default`. */
export function graphScope(graphBaseUrl: string): string {
  return `${new URL(graphBaseUrl).origin}/.default`;
}
