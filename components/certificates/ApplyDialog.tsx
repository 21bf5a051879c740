'use client';
import * as Dialog from '@radix-ui/react-dialog';
import type { BundleDiff } from '@/lib/pki';
import { finishRolloutImpact, finishRolloutReason, type ApplyIntent } from '@/lib/clusters/apply-intent';
import type { ChangeImpact } from '@/lib/clusters/impact';
import type { ProposedCertificate } from '@/lib/clusters/proposal';
import type { ConcurrencyProtection } from '@/lib/clusters/reviewed-cluster';
import { DANGER_BUTTON, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/buttons';
import { ConcurrencyNote } from '@/components/clusters/ConcurrencyNote';
import { useOpenerFocus } from '@/components/ui/use-opener-focus';
import { diffSummary } from './BundleDiffView';

export type ApplyMode = 'apply' | 'remove-all';

/**
 * The last step before ARM: what changes, what it costs, and one clear confirm. Applying the same list again to
 * finish a rollout says so, and that only the nodes not yet renewed are replaced.
 */
export function ApplyDialog({
  open,
  onOpenChange,
  mode,
  intent = { kind: 'change' },
  clusterName,
  diff,
  impact,
  currentCount,
  busy,
  protection,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  mode: ApplyMode;
  intent?: ApplyIntent;
  clusterName: string;
  diff: BundleDiff<ProposedCertificate>;
  impact: ChangeImpact;
  currentCount: number;
  busy: boolean;
  protection: ConcurrencyProtection;
  onConfirm: () => void;
}) {
  const returnFocus = useOpenerFocus();
  const removeAll = mode === 'remove-all';
  const finishing = !removeAll && intent.kind === 'finish-rollout';
  const pools =
    impact.replaced.map((pool) => `${pool.name} (${pool.count}, max surge ${pool.maxSurge})`).join(', ') || 'no pool';
  const windows = impact.skipped.filter((pool) => pool.reason === 'windows');
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/50" />
        <Dialog.Content
          onCloseAutoFocus={returnFocus}
          className="fixed top-1/2 left-1/2 max-h-[90vh] w-[min(40rem,95vw)] -translate-x-1/2 -translate-y-1/2 space-y-4 overflow-auto rounded bg-white p-6 text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100"
        >
          <Dialog.Title className="text-lg font-semibold">
            {removeAll
              ? `Remove every custom CA from ${clusterName}?`
              : finishing
                ? `Apply the same CA bundle to ${clusterName} again to finish the rollout?`
                : `Apply the new CA bundle to ${clusterName}?`}
          </Dialog.Title>
          <Dialog.Description asChild>
            <div className="space-y-2 text-sm">
              {removeAll ? (
                <p>
                  All {currentCount} custom CA certificate{currentCount === 1 ? '' : 's'} will be removed from the
                  nodes&apos; trust store. Anything on the nodes that relies on them (pulling from a private registry,
                  calling internal endpoints) stops trusting them.
                </p>
              ) : finishing && intent.kind === 'finish-rollout' ? (
                <p data-testid="dialog-diff">No change to the CA list. {finishRolloutReason(intent.outcome)}</p>
              ) : (
                <p data-testid="dialog-diff">Changes: {diffSummary(diff)}.</p>
              )}
              <p data-testid="dialog-impact">
                {finishing
                  ? `${finishRolloutImpact(impact.machinesReplaced)} Pools: ${pools}.`
                  : `AKS will replace ${impact.machinesReplaced} node${impact.machinesReplaced === 1 ? '' : 's'} in ${pools}.`}
                {windows.length > 0 &&
                  ` Windows pools (${windows.map((pool) => pool.name).join(', ')}) will not receive the CAs.`}
              </p>
              <ConcurrencyNote protection={protection} testId="dialog-protection" />
              <p>
                Pods do not see these CAs. Once ARM accepts the change, AKS rolls it out on its own; the next page
                follows it and can abort it (an abort stops the node replacement, it does not restore the previous CA
                list).
              </p>
            </div>
          </Dialog.Description>
          <div className="flex flex-wrap justify-end gap-2">
            <Dialog.Close asChild>
              <button type="button" className={SECONDARY_BUTTON} disabled={busy}>
                Cancel
              </button>
            </Dialog.Close>
            <button
              type="button"
              className={removeAll ? DANGER_BUTTON : PRIMARY_BUTTON}
              onClick={onConfirm}
              disabled={busy}
              aria-busy={busy}
            >
              {busy
                ? 'Sending to Azure…'
                : removeAll
                  ? 'Remove all custom CAs'
                  : finishing
                    ? 'Apply again'
                    : 'Apply the change'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
