'use server';
import { logAction } from '@/lib/log/action-log';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { runArmAction } from '@/lib/azure/run-action';
import {
  listClusters as listClustersIn,
  listSubscriptions as listAllSubscriptions,
  listTenants as listAllTenants,
} from '@/lib/azure/inventory';
import type { ClusterSummary, SubscriptionSummary, TenantSummary } from '@/lib/azure/models';
import { subscriptionIdSchema } from '@/lib/azure/resource-names';

export async function listSubscriptions(token: string): Promise<ActionResult<SubscriptionSummary[]>> {
  return logAction('listSubscriptions', () =>
    runArmAction(token, z.undefined(), undefined, (clients) => listAllSubscriptions(clients)),
  );
}

export async function listClusters(token: string, subscriptionId: string): Promise<ActionResult<ClusterSummary[]>> {
  return logAction('listClusters', () =>
    runArmAction(token, subscriptionIdSchema, subscriptionId, (clients, id) => listClustersIn(clients, id)),
  );
}

export async function listTenants(token: string): Promise<ActionResult<TenantSummary[]>> {
  return logAction('listTenants', () =>
    runArmAction(token, z.undefined(), undefined, (clients) => listAllTenants(clients)),
  );
}
