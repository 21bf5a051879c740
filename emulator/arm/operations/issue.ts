/** The URLs a write answers with: Azure-AsyncOperation (`operations`) and Location (`operationresults`), signed for the caller. */
import type { Principal } from '../../contract';
import type { ArmContext } from '../context';
import type { OperationView } from '../state/types';
import { signedOperationUrl } from './signed-url';

export function operationUrlsFor(
  ctx: ArmContext,
  op: OperationView,
  caller: Principal,
): { asyncOperation: string; location: string } {
  const base = {
    publicBaseUrl: ctx.publicBaseUrl,
    subscriptionId: op.subscriptionId,
    location: op.location,
    id: op.id,
    caller,
    now: ctx.clock.now(),
  };
  return {
    asyncOperation: signedOperationUrl(ctx.operationSigning, { ...base, kind: 'operations' }),
    location: signedOperationUrl(ctx.operationSigning, { ...base, kind: 'operationresults' }),
  };
}
