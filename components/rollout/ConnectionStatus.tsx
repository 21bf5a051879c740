import { Pause, RefreshCw, Wifi } from 'lucide-react';
import type { Connection } from '@/lib/rollout/poll-reducer';
import { formatClock } from './format';

/** How fresh what is on screen is. A transient failure never replaces the view: it says "reconnecting". */
export function ConnectionStatus({
  connection,
  receivedAt,
  now,
}: {
  connection: Connection;
  receivedAt: number | null;
  now: number;
}) {
  const since = receivedAt ? ` Last update ${formatClock(receivedAt)}.` : '';
  switch (connection.kind) {
    case 'connecting':
      return (
        <p className="inline-flex items-center gap-1 text-sm" data-testid="connection" data-connection="connecting">
          <RefreshCw aria-hidden="true" className="h-4 w-4 animate-spin" /> Reading the rollout from Azure…
        </p>
      );
    case 'live':
      return (
        <p className="inline-flex items-center gap-1 text-sm" data-testid="connection" data-connection="live">
          <Wifi aria-hidden="true" className="h-4 w-4" /> Live.{since}
        </p>
      );
    case 'paused':
      return (
        <p className="inline-flex items-center gap-1 text-sm" data-testid="connection" data-connection="paused">
          <Pause aria-hidden="true" className="h-4 w-4" /> Paused while this tab is hidden.{since}
        </p>
      );
    case 'reconnecting': {
      const wait = Math.max(0, Math.ceil((connection.retryAt - now) / 1000));
      return (
        <p
          className="inline-flex flex-wrap items-center gap-1 text-sm text-amber-900 dark:text-amber-200"
          data-testid="connection"
          data-connection="reconnecting"
        >
          <RefreshCw aria-hidden="true" className="h-4 w-4" /> Reconnecting (attempt {connection.failures}, next try in{' '}
          {wait} s): {connection.error.message}
          {receivedAt ? ` Showing the state from ${formatClock(receivedAt)}.` : ''}
        </p>
      );
    }
    case 'sign-in-required':
      return (
        <p
          className="inline-flex items-center gap-1 text-sm"
          data-testid="connection"
          data-connection="sign-in-required"
        >
          <Pause aria-hidden="true" className="h-4 w-4" /> Waiting for you to sign in again; nothing is asked of Azure
          until then.{since}
        </p>
      );
    case 'stopped':
      return (
        <p className="text-sm" data-testid="connection" data-connection="stopped">
          {connection.error
            ? 'Tracking stopped.'
            : 'The rollout has ended; this page no longer asks Azure for updates.'}
          {since}
        </p>
      );
  }
}
