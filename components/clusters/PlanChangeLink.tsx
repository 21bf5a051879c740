'use client';
import { useRouter } from 'next/navigation';
import { Layers } from 'lucide-react';
import type { ClusterRow } from '@/lib/inventory/cluster-row';
import type { InventoryView } from '@/lib/inventory/view';
import { handOff } from '@/components/fleet/plan/handoff';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';

/** "Plan a change" for the clusters the inventory shows now (its filters are the choice). */
export function PlanChangeLink({ view, rows }: { view: InventoryView; rows: readonly ClusterRow[] }) {
  const router = useRouter();
  const filtered = !!(view.q || view.tenant || view.subscription || view.state || view.expiry !== 'any');
  return (
    <button
      type="button"
      className={SECONDARY_BUTTON}
      disabled={rows.length === 0}
      onClick={() => {
        if (filtered) handOff({ clusterIds: rows.map((row) => row.id) });
        router.push(filtered ? '/fleet/new?chosen=1' : '/fleet/new');
      }}
    >
      <Layers aria-hidden="true" className="h-4 w-4" /> Plan a change for {filtered ? `these ${rows.length}` : 'all'}{' '}
      cluster{rows.length === 1 ? '' : 's'}…
    </button>
  );
}
