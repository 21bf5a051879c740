'use client';
import { useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import type { ClusterRef } from '@/lib/clusters/types';
import type { ActionError } from '@/lib/action-result';
import { abortRollout } from '@/app/actions/rollout';
import { useAuth } from '@/components/auth/auth-context';
import { DANGER_BUTTON, SECONDARY_BUTTON } from '@/components/ui/buttons';
import { ErrorAlert } from '@/components/ui/Alert';

/** "Abort rollout": one confirmation, then `abortLatestOperation`; the view shows Canceling, then Canceled. */
export function AbortRollout({
  cluster,
  tenantId,
  disabled,
  onAccepted,
}: {
  cluster: ClusterRef;
  tenantId?: string;
  disabled: boolean;
  onAccepted: () => void;
}) {
  const { getArmToken } = useAuth();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [accepted, setAccepted] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await abortRollout(await getArmToken(tenantId), { cluster });
      if (result.ok) {
        setAccepted(true);
        setOpen(false);
        onAccepted();
      } else setFailure(result.error);
    } catch (cause) {
      setFailure({ code: 'AbortFailed', message: (cause as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-2">
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <button type="button" className={DANGER_BUTTON} disabled={disabled || accepted}>
            {accepted ? 'Abort requested' : 'Abort rollout'}
          </button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-black/50" />
          <Dialog.Content className="fixed top-1/2 left-1/2 w-[min(36rem,95vw)] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded bg-white p-6 text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100">
            <Dialog.Title className="text-lg font-semibold">Abort the rollout on {cluster.name}?</Dialog.Title>
            <Dialog.Description asChild>
              <div className="space-y-2 text-sm">
                <p>
                  AKS stops the running operation: the cluster goes Canceling, then Canceled. Nodes already renewed keep
                  the new CA list; the others keep the old one until the next successful operation.
                </p>
                <p>To finish later, apply the same CA list again.</p>
              </div>
            </Dialog.Description>
            {failure && (
              <ErrorAlert title="The abort was not accepted">
                <span data-testid="abort-error">{failure.message}</span>
              </ErrorAlert>
            )}
            <div className="flex flex-wrap justify-end gap-2">
              <Dialog.Close asChild>
                <button type="button" className={SECONDARY_BUTTON} disabled={busy}>
                  Keep the rollout running
                </button>
              </Dialog.Close>
              <button
                type="button"
                className={DANGER_BUTTON}
                onClick={() => void confirm()}
                disabled={busy}
                aria-busy={busy}
              >
                {busy ? 'Asking Azure…' : 'Abort rollout'}
              </button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {failure && !open && (
        <ErrorAlert title="The abort was not accepted">
          <span data-testid="abort-error">{failure.message}</span>
        </ErrorAlert>
      )}
    </div>
  );
}
