/**
 * MSAL for nested app authentication, in its own module so the bundler puts it in its own chunk
 * (`msal-*.js`), loaded by {@link ./sign-in} only when a page signs in with NAA.
 */
export { createNestablePublicClientApplication } from '@azure/msal-browser';
