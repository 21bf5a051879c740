import { Badge } from '@/components/ui/Badge';

/** Provisioning state (and a stopped power state) as words, with a tone that only repeats what the words say. */
export function ProvisioningState({ state, powerState }: { state: string; powerState: string | null }) {
  const tone = state === 'Failed' ? 'danger' : state === 'Succeeded' ? 'neutral' : 'info';
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={tone}>{state}</Badge>
      {powerState === 'Stopped' && <Badge tone="warning">Stopped</Badge>}
    </span>
  );
}
