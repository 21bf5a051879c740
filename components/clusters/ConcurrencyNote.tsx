import { PROTECTION_TEXT, type ConcurrencyProtection } from '@/lib/clusters/reviewed-cluster';

/** Which protection against a concurrent change this apply gets (eTag or comparison), in plain words. */
export function ConcurrencyNote({
  protection,
  testId = 'concurrency-protection',
}: {
  protection: ConcurrencyProtection;
  testId?: string;
}) {
  const text = PROTECTION_TEXT[protection];
  return (
    <p className="text-sm" data-testid={testId} data-protection={protection}>
      <span className="font-medium">Protection against concurrent changes: {text.label}.</span> {text.detail}
    </p>
  );
}
