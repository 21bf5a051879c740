'use client';
import { useMemo, useReducer, useState } from 'react';
import Link from 'next/link';
import type { ClusterRef } from '@/lib/clusters/types';
import { applyBlocker, isOperationRunning, isStopped, removeAllBlocker } from '@/lib/clusters/apply-gate';
import { applyIntent, type ApplyIntent } from '@/lib/clusters/apply-intent';
import { editorReducer, INITIAL_EDITOR_STATE } from '@/lib/clusters/editor-state';
import { changeImpact } from '@/lib/clusters/impact';
import { rolloutHref } from '@/lib/clusters/links';
import { concurrencyProtection } from '@/lib/clusters/reviewed-cluster';
import { useAuth } from '@/components/auth/auth-context';
import { SignInAgain } from '@/components/auth/SignInAgain';
import { ErrorAlert } from '@/components/ui/Alert';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import dynamic from 'next/dynamic';
import type { ApplyMode } from '@/components/certificates/ApplyDialog';
import { BundleEditor } from '@/components/certificates/BundleEditor';
import { CurrentBundle } from '@/components/certificates/CurrentBundle';
import { useCurrentBundle, useProposal } from '@/components/certificates/use-bundle';
import { clusterKeyOf, ServerCheckPanel, TrustChangeSummary, useServerChecks } from '@/components/verify';
import { AccessNotice } from './AccessNotice';
import { ApplyFailureAlert } from './ApplyFailureAlert';
import { ChangeReview } from './ChangeReview';
import { ClusterFacts } from './ClusterFacts';
import { useApply } from './use-apply';
import { needsSignIn } from './client-error';
import { useCluster } from './use-cluster';
import { useClusterAccess } from './use-cluster-access';
import { useMinuteClock } from './use-cluster-rows';

// The confirmation dialog (Radix, 14 KB gzip) loads when the user first asks to apply, not with the page.
const ApplyDialog = dynamic(() => import('@/components/certificates/ApplyDialog').then((m) => m.ApplyDialog), {
  ssr: false,
});

/** The cluster page: facts, the current bundle, the editor, the review and apply. */
export function ClusterPage({ cluster: ref, tenantId: requestedTenant }: { cluster: ClusterRef; tenantId?: string }) {
  const { state: auth, signIn } = useAuth();
  const tenantId = requestedTenant ?? (auth.status === 'signed-in' ? auth.account.tenantId : undefined);
  const { load, reload } = useCluster(ref, tenantId);
  const access = useClusterAccess(ref, tenantId);
  const now = useMinuteClock();
  const cluster = load.status === 'loaded' ? load.cluster : null;
  const current = useCurrentBundle(cluster?.caBundle, now);
  const [editor, dispatch] = useReducer(editorReducer, INITIAL_EDITOR_STATE);
  const proposal = useProposal(current, editor, now);
  const serverChecks = useServerChecks(clusterKeyOf(ref), current?.certificates, proposal?.caBundle, now);
  const impact = useMemo(() => changeImpact(cluster?.agentPools ?? []), [cluster]);
  const { apply, sending, failure, clearFailure } = useApply(ref, tenantId, reload);
  const [dialog, setDialog] = useState<ApplyMode | null>(null);

  if (auth.status !== 'signed-in') {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{ref.name}</h1>
        {auth.status === 'loading' ? (
          <p>Checking sign-in…</p>
        ) : (
          <button type="button" className={SECONDARY_BUTTON} onClick={() => void signIn()}>
            Sign in to see this cluster
          </button>
        )}
      </div>
    );
  }

  const running = cluster !== null && isOperationRunning(cluster.provisioningState);
  const blocker = proposal && cluster ? applyBlocker(proposal, cluster, access) : 'Checking…';
  // After a failed apply nothing under the button may say "Ready" beside the error (a 403 would come back).
  const notApplied = !failure
    ? null
    : failure.status === 403
      ? 'Not applied: Azure refused the write, your account may not change this cluster. Ask for a role that grants Microsoft.ContainerService/managedClusters/write, then try again.'
      : `Not applied: see the message above. Once it is resolved, applying again replaces ${impact.machinesReplaced} node${impact.machinesReplaced === 1 ? '' : 's'}; you confirm in the next step.`;
  const intent: ApplyIntent = proposal && cluster ? applyIntent(proposal, cluster) : { kind: 'change' };
  const removeAllReason = !cluster || !current ? 'Loading…' : removeAllBlocker(cluster, access);
  const loadError = load.status === 'failed' ? load.error : load.status === 'loaded' ? load.refreshError : undefined;
  const ownFindingsSummary = proposal
    ? proposal.errorCount > 0
      ? `${proposal.errorCount} error(s), listed with the proposed bundle.`
      : 'no errors.'
    : 'still checking.';

  const confirm = async () => {
    if (!cluster || !proposal || !dialog) return;
    const accepted = await apply(
      dialog,
      cluster,
      proposal.caBundle.map((certificate) => certificate.pem),
    );
    if (!accepted) setDialog(null);
  };

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link
          href={tenantId && tenantId !== auth.account.tenantId ? `/?tenant=${tenantId}` : '/'}
          className="text-sm text-blue-700 underline dark:text-blue-300"
        >
          ← All clusters
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{ref.name}</h1>
          <button
            type="button"
            className={SECONDARY_BUTTON}
            onClick={() => void reload()}
            disabled={load.status === 'loaded' && load.refreshing}
          >
            Refresh
          </button>
        </div>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300" data-testid="cluster-status">
          {load.status === 'loading'
            ? 'Loading the cluster…'
            : load.status === 'loaded'
              ? load.refreshing
                ? 'Refreshing…'
                : `Read from Azure at ${load.loadedAt.toLocaleTimeString()}.`
              : ''}
        </p>
      </div>

      {needsSignIn(loadError) ? (
        <SignInAgain message={loadError!.message} tenantId={tenantId} what="see this cluster" />
      ) : (
        <>
          {load.status === 'failed' && (
            <ErrorAlert title="The cluster could not be loaded">{load.error.message}</ErrorAlert>
          )}
          {load.status === 'loaded' && load.refreshError && (
            <ErrorAlert title="The cluster could not be refreshed">{load.refreshError.message}</ErrorAlert>
          )}
        </>
      )}

      {cluster && (
        <>
          {running && (
            <div
              className="rounded border border-sky-700 p-3 text-sm dark:border-sky-400"
              data-testid="operation-running"
            >
              <p>
                <strong>An operation is running ({cluster.provisioningState}).</strong> Changes can be applied again
                when it ends; this page checks every few seconds.
              </p>
              <Link
                href={rolloutHref(ref, tenantId)}
                className="font-medium text-blue-700 underline dark:text-blue-300"
              >
                Follow the rollout
              </Link>
            </div>
          )}
          {isStopped(cluster) && (
            <div
              className="rounded border border-amber-500 p-3 text-sm dark:border-amber-400"
              data-testid="cluster-stopped"
            >
              <p>
                <strong>This cluster is stopped.</strong> AKS refuses changes to a stopped cluster: start the cluster
                first (az aks start --resource-group {cluster.resourceGroup} --name {cluster.name}), then refresh this
                page. You can still prepare and export a bundle.
              </p>
            </div>
          )}
          <ClusterFacts cluster={cluster} tenantId={tenantId} />
          {current ? (
            <CurrentBundle bundle={current} clusterName={cluster.name} now={now} />
          ) : (
            <p>Reading the current bundle…</p>
          )}
          <AccessNotice access={access} />
          {current && (
            <BundleEditor
              editor={editor}
              dispatch={dispatch}
              proposal={proposal}
              current={current.certificates}
              now={now}
              onRemoveAll={() => {
                clearFailure();
                setDialog('remove-all');
              }}
              removeAllDisabledReason={removeAllReason}
            />
          )}
          {current && <ServerCheckPanel checks={serverChecks} />}
          {proposal && (
            <ChangeReview
              proposal={proposal}
              intent={intent}
              impact={impact}
              clusterName={cluster.name}
              blocker={blocker}
              protection={concurrencyProtection(cluster)}
              notApplied={notApplied}
              onApply={() => {
                clearFailure();
                setDialog('apply');
              }}
            >
              <TrustChangeSummary checks={serverChecks} />
              {failure && (
                <ApplyFailureAlert
                  failure={failure}
                  cluster={ref}
                  tenantId={tenantId}
                  ownFindingsSummary={ownFindingsSummary}
                />
              )}
            </ChangeReview>
          )}
          {proposal && dialog && (
            <ApplyDialog
              open
              onOpenChange={(open) => !open && !sending && setDialog(null)}
              mode={dialog}
              intent={intent}
              clusterName={cluster.name}
              diff={proposal.diff}
              impact={impact}
              currentCount={current?.certificates.length ?? 0}
              busy={sending}
              protection={concurrencyProtection(cluster)}
              onConfirm={() => void confirm()}
            />
          )}
        </>
      )}
    </div>
  );
}
