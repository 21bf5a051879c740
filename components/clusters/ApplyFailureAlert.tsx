import Link from 'next/link';
import type { ClusterRef } from '@/lib/clusters/types';
import { rolloutHref } from '@/lib/clusters/links';
import { SignInAgain } from '@/components/auth/SignInAgain';
import { ErrorAlert } from '@/components/ui/Alert';
import { needsSignIn, REQUEST_TOO_LARGE } from './client-error';
import type { ApplyFailure } from './use-apply';

/** What went wrong with apply, in the words that tell the operator what to do next. */
export function ApplyFailureAlert({
  failure,
  cluster,
  tenantId,
  ownFindingsSummary,
}: {
  failure: ApplyFailure;
  cluster: ClusterRef;
  tenantId?: string;
  ownFindingsSummary: string;
}) {
  if (needsSignIn(failure)) {
    return (
      <SignInAgain
        message={`Nothing was applied. ${failure.message}`}
        tenantId={tenantId}
        what={failure.mode === 'remove-all' ? 'remove the custom CAs' : 'apply the change'}
      />
    );
  }
  if (failure.status === 412) {
    // Either ARM's eTag check or the server's comparison right before the PUT; the latter says what changed.
    const what = /\(([^)]+)\)/.exec(failure.message)?.[1];
    return (
      <ErrorAlert title="Someone changed this cluster since you loaded it">
        Nothing was applied{what ? ` (${what})` : ''}. The current bundle has been reloaded and your proposal kept:
        check the new diff below, then apply again.
      </ErrorAlert>
    );
  }
  if (failure.code === REQUEST_TOO_LARGE) {
    return (
      <ErrorAlert title="The change is too large to send">
        Nothing was applied. {failure.message} A cluster trusts at most 10 CA certificates: remove what does not belong
        in the bundle and apply again.
      </ErrorAlert>
    );
  }
  if (failure.code === 'ClusterStopped') {
    return <ErrorAlert title="The cluster is stopped">{failure.message}</ErrorAlert>;
  }
  if (failure.code === 'WindowsNodePoolsUnsupported') {
    return <ErrorAlert title="AKS refused the change because of the Windows node pools">{failure.message}</ErrorAlert>;
  }
  if (failure.status === 409) {
    return (
      <ErrorAlert title="Another operation is running on this cluster">
        <p>Azure accepts no new change until it finishes. Azure Resource Manager said: {failure.message}</p>
        <p>
          <Link href={rolloutHref(cluster, tenantId)} className="font-medium underline">
            Follow the running operation
          </Link>
        </p>
      </ErrorAlert>
    );
  }
  if (failure.status === 403) {
    return <ErrorAlert title="You may not change this cluster">{failure.message}</ErrorAlert>;
  }
  if (failure.status === 400) {
    return (
      <ErrorAlert title="Azure Resource Manager refused the change">
        <p>
          Azure said ({failure.armCode ?? failure.code}): {failure.message}
        </p>
        <p>Our own checks: {ownFindingsSummary}</p>
      </ErrorAlert>
    );
  }
  return (
    <ErrorAlert
      title={failure.mode === 'remove-all' ? 'The custom CAs could not be removed' : 'The change could not be applied'}
    >
      {failure.message}
    </ErrorAlert>
  );
}
