import { ConfigError, getConfig } from './config';

/** A bad configuration stops start-up with one clear line instead of failing later inside a request. */
export function checkConfigurationOrExit(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`aks-ca-trust: invalid configuration: ${error.message}`);
    process.exit(1);
  }
}
