/**
 * msal-browser's redirect bridge (broadcastResponseToMainFrame), from the package's own self-contained build of
 * that entry (its `require` target, ~4 KB gzip minified). The ESM entry imports MSAL's configuration module for
 * one constant, and the bundler then puts a 26 KB slice of MSAL on /auth/redirect. The package's exports map does
 * not name the file, hence the relative path; the types are those of the `@azure/msal-browser/redirect-bridge`
 * entry, which is the same code.
 */
type Bridge = typeof import('@azure/msal-browser/redirect-bridge');

export async function loadRedirectBridge(): Promise<Bridge['broadcastResponseToMainFrame']> {
  const loaded: Bridge | { default: Bridge } =
    // @ts-expect-error -- msal ships no declaration file beside this build; its API is the Bridge type above
    await import('../../node_modules/@azure/msal-browser/lib/redirect-bridge/msal-redirect-bridge.cjs');
  return 'broadcastResponseToMainFrame' in loaded
    ? loaded.broadcastResponseToMainFrame
    : loaded.default.broadcastResponseToMainFrame;
}
