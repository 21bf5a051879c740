'use client';
import { FINISH_ROLLOUT_LABEL, finishRolloutReason, type ApplyIntent } from '@/lib/clusters/apply-intent';
import type { ChangeImpact } from '@/lib/clusters/impact';
import type { Proposal } from '@/lib/clusters/proposal';
import type { ConcurrencyProtection } from '@/lib/clusters/reviewed-cluster';
import { PRIMARY_BUTTON } from '@/components/ui/buttons';
import { BundleDiffView } from '@/components/certificates/BundleDiffView';
import { ExportPanel } from '@/components/certificates/ExportPanel';
import { ImpactPanel } from '@/components/certificates/ImpactPanel';
import { ConcurrencyNote } from './ConcurrencyNote';

/**
 * Diff, impact and export of the proposal, and the button that opens the confirm dialog (or says why it cannot).
 * With the same list on a Failed or Canceled cluster, the button applies it again to finish the rollout.
 */
export function ChangeReview({
  proposal,
  intent,
  impact,
  clusterName,
  blocker,
  protection,
  onApply,
  notApplied = null,
  children,
}: {
  proposal: Proposal;
  intent: ApplyIntent;
  impact: ChangeImpact;
  clusterName: string;
  blocker: string | null;
  protection: ConcurrencyProtection;
  onApply: () => void;
  /** Why the last apply failed, in one sentence under the button (its error is shown above), or null. */
  notApplied?: string | null;
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby="review-heading" className="space-y-4" data-testid="review">
      <h2 id="review-heading" className="text-xl font-semibold">
        Review the change
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="diff-heading" className="space-y-2">
          <h3 id="diff-heading" className="text-lg font-semibold">
            Current against proposed
          </h3>
          <BundleDiffView diff={proposal.diff} />
        </section>
        <section aria-labelledby="impact-heading" className="space-y-2">
          <h3 id="impact-heading" className="text-lg font-semibold">
            Impact
          </h3>
          <ImpactPanel impact={impact} intent={intent} />
        </section>
      </div>
      <section aria-labelledby="export-heading" className="space-y-2">
        <h3 id="export-heading" className="text-lg font-semibold">
          Export the proposed bundle
        </h3>
        {proposal.notDecoded > 0 && (
          <p className="text-sm" data-testid="export-partial">
            The exports hold the {proposal.caBundle.length} decoded certificates only, not the{' '}
            {proposal.notDecoded.toLocaleString('en-US')} counted ones; AKS takes at most 10 anyway.
          </p>
        )}
        <ExportPanel certificates={proposal.caBundle} clusterName={clusterName} />
      </section>
      {children}
      <ConcurrencyNote protection={protection} />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <button
          type="button"
          className={PRIMARY_BUTTON}
          onClick={onApply}
          disabled={blocker !== null}
          aria-describedby="apply-reason"
          data-intent={intent.kind}
        >
          {intent.kind === 'finish-rollout' ? FINISH_ROLLOUT_LABEL : 'Apply…'}
        </button>
        <p id="apply-reason" className="text-sm" data-testid="apply-reason">
          {blocker ??
            (intent.kind === 'finish-rollout'
              ? finishRolloutReason(intent.outcome)
              : (notApplied ??
                `Ready: ${impact.machinesReplaced} node${impact.machinesReplaced === 1 ? '' : 's'} will be replaced. You confirm in the next step.`))}
        </p>
      </div>
    </section>
  );
}
