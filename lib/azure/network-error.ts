import 'server-only';

/** Explains a failure to reach ARM (or the emulator) in words that point at the fix. */
export function describeNetworkError(error: unknown, endpoint: string): string {
  const code = (error as { code?: string } | null)?.code ?? '';
  const host = safeHost(endpoint);
  if (/CERT|UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/.test(code)) {
    return `The TLS certificate of ${host} is not trusted (${code}). Set ARM_CA_FILE to the PEM file of the CA that issued it (for the emulator: .emulator/ca.pem).`;
  }
  if (code === 'ECONNREFUSED')
    return `Nothing is listening at ${host}: ARM is unreachable. Is the endpoint right, or is the emulator running (npm run emulator)?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `The name ${host} cannot be resolved: ARM is unreachable. Check ARM_ENDPOINT and DNS.`;
  if (code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT')
    return `The connection to ${host} failed (${code}). ARM is unreachable right now; try again.`;
  const message = error instanceof Error ? error.message : String(error);
  return `ARM at ${host} is unreachable: ${message}`;
}

function safeHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
