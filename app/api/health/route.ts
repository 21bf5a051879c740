import { ConfigError, parseConfig } from '@/lib/config';
import { logRoute } from '@/lib/log/action-log';

export const dynamic = 'force-dynamic';

/**
 * Liveness and readiness: 200 when the configuration parses (the same check as start-up, read fresh from the
 * environment and ARM_CA_FILE), 503 naming the variable otherwise. It never calls ARM or the authority: a probe must
 * not depend on Azure, nor spend anyone's token.
 */
async function health(): Promise<Response> {
  try {
    const config = parseConfig(process.env);
    return Response.json(
      { status: 'ok', environment: config.environmentLabel, authMode: config.authMode },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    const problem = error instanceof ConfigError ? error.message : 'configuration could not be read';
    return Response.json(
      { status: 'misconfigured', problem },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  }
}

// Probes come every few seconds from every replica: their lines are at debug level (LOG_LEVEL=debug shows them).
export const GET = logRoute('/api/health', health, { level: 'debug' });
