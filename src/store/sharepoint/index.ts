/** The SharePoint store: adapter, config, provisioning and the typed Graph error. */
export { accessHint, type AccessPhase } from './access-hints';
export { createCredential, graphScope } from './credential';
export { GraphError } from './graph-error';
export { GraphHttp, type GraphHttpOptions } from './graph-http';
export { DEFAULT_LIST_PREFIX, LIST_SPECS, listDisplayName } from './list-schema';
export {
  applyProvisioning,
  describeStep,
  planProvisioning,
  provision,
  type ProvisionPlan,
  type ProvisionStep,
} from './provisioning';
export { RetryPolicy, type RetryPolicyOptions } from './retry-policy';
export {
  graphUserAgent,
  PUI_DESK_VERSION,
  sharePointConfigFromEnv,
  SharePointConfigError,
  sharePointEnvSchema,
  type SharePointConfig,
  type SharePointCredentialConfig,
} from './sharepoint-config';
export { SharePointAppStateStore } from './sharepoint-app-state-store';
export { SharePointIncidentStore } from './sharepoint-incident-store';
export {
  createGraphHttp,
  openSharePointStores,
  SharePointAccessDenied,
  SharePointNotProvisioned,
  SharePointStores,
  type OpenSharePointOptions,
  type SharePointStoreParts,
} from './sharepoint-stores';
export { resolveSite, sitePath } from './site-lists';
