/** Writes: PUT (create 201 / update 200, LRO), PATCH tags (200), DELETE (202 LRO / 204). */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { ArmContext, ArmEnv } from '../context';
import { ArmError, messages, notFoundCluster } from '../http/errors';
import { checkPreconditions } from '../http/preconditions';
import { json } from '../http/respond';
import type { Router } from '../http/router';
import { operationUrlsFor } from '../operations/issue';
import { planUpdate, startCreate, startDelete, startUpdate } from '../rollout/plan';
import { applyClusterBody, sameCaBundle } from '../state/applyBody';
import type { ClusterView, OperationView } from '../state/types';
import { checkCaBundle } from '../validation/caCertificates';
import { checkPoolRules } from '../validation/poolRules';
import { clusterBodySchema, tagsBodySchema } from '../validation/clusterBody';
import { wireCluster } from '../wire/cluster';
import { CLUSTER_PATH } from './clusterRead';
import { ACTIONS, lookupCluster } from './lookup';

async function readJson(c: Context<ArmEnv>): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'invalid JSON';
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${detail}'.`,
    );
  }
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const target = issue.path.join('.') || 'body';
  throw new ArmError(
    400,
    'InvalidParameter',
    `The value of parameter ${target} is invalid. ${issue.message}`,
    {},
    target,
  );
}

function rejectIfBusy(cluster: ClusterView | undefined): void {
  if (cluster?.activeOperationId) {
    throw new ArmError(409, 'OperationNotAllowed', messages.operationNotAllowed(cluster.provisioningState));
  }
}

export function clusterWriteRoutes(router: Router, ctx: ArmContext): void {
  const wire = () => ({ eTags: ctx.settings.eTags });
  const startOptions = () => ({ now: ctx.clock.now(), msPerBatch: ctx.simulator.msPerBatch });

  router.on('PUT', CLUSTER_PATH, async (c, p) => {
    const { cluster: existing } = lookupCluster(ctx, c.get('principal'), p, ACTIONS.clusterWrite, true);
    const precondition = checkPreconditions(
      'PUT',
      c.req.header('if-match'),
      c.req.header('if-none-match'),
      existing?.eTag,
    );
    if (precondition) throw precondition;
    const body = parseWith(clusterBodySchema, await readJson(c));
    const entries = body.properties?.securityProfile?.customCATrustCertificates;
    if (entries) {
      const check = checkCaBundle(entries);
      if (!check.ok && check.reason === 'tooMany') {
        throw new ArmError(
          400,
          'InvalidParameter',
          messages.tooManyCertificates(entries.length),
          {},
          'securityProfile.customCATrustCertificates',
        );
      }
      if (!check.ok)
        throw new ArmError(
          400,
          'InvalidParameter',
          messages.badCertificate,
          {},
          'securityProfile.customCATrustCertificates',
        );
    }
    checkPoolRules(existing, body);
    if (!existing) {
      const pools = body.properties?.agentPoolProfiles ?? [];
      if (!pools.some((pool) => (pool.mode ?? 'System') === 'System')) {
        throw new ArmError(
          400,
          'InvalidParameter',
          'The value of parameter agentPoolProfiles is invalid. A cluster needs at least one System mode agent pool.',
          {},
          'agentPoolProfiles',
        );
      }
    }
    rejectIfBusy(existing);
    if (existing?.powerState === 'Stopped')
      throw new ArmError(400, 'OperationNotAllowed', messages.clusterStopped(existing.name));
    const windowsPools = existing?.pools.filter((pool) => pool.osType === 'Windows').map((pool) => pool.name) ?? [];
    if (
      ctx.settings.rejectWindowsCaChange &&
      entries &&
      windowsPools.length > 0 &&
      !sameCaBundle(existing?.caBundle, entries)
    ) {
      // Invented text (azure-facts U5): the docs say only that Windows node pools aren't supported.
      throw new ArmError(
        400,
        'InvalidParameter',
        `Custom CA trust certificates are not supported on Windows node pools: ${windowsPools.join(', ')}.`,
        {},
        'securityProfile.customCATrustCertificates',
      );
    }
    const where = {
      subscriptionId: p.sub!,
      resourceGroup: ctx.store.resourceGroup(p.sub!, p.rg!)!.name,
      name: existing?.name ?? p.name!,
    };
    let cluster: ClusterView;
    let op: OperationView;
    if (existing) {
      cluster = existing;
      op = ctx.store.beginOperation(existing, (stored) => {
        const { caChanged } = applyClusterBody(stored, body, where);
        // fail-next: the next update that rolls nodes (a CA change, or a reconciliation of a failed or canceled one).
        const failure =
          planUpdate(stored, caChanged).pools.length > 0 ? ctx.simulator.failNext.take(stored) : undefined;
        return startUpdate(stored, caChanged, { ...startOptions(), ...(failure ? { failure } : {}) });
      });
    } else {
      cluster = ctx.store.addCluster(applyClusterBody(undefined, body, where).cluster);
      op = ctx.store.beginOperation(cluster, (stored) => startCreate(stored, startOptions()));
    }
    ctx.simulator.schedule();
    const { asyncOperation } = operationUrlsFor(ctx, op, c.get('principal'));
    return json(c, existing ? 200 : 201, wireCluster(cluster, wire()), { 'Azure-AsyncOperation': asyncOperation });
  });

  router.on('PATCH', CLUSTER_PATH, async (c, p) => {
    const { cluster } = lookupCluster(ctx, c.get('principal'), p, ACTIONS.clusterWrite, true);
    if (!cluster) throw notFoundCluster(p.name!, p.rg!);
    const precondition = checkPreconditions('PATCH', c.req.header('if-match'), undefined, cluster.eTag);
    if (precondition) throw precondition;
    const body = parseWith(tagsBodySchema, await readJson(c));
    rejectIfBusy(cluster);
    ctx.store.setTags(cluster, body.tags);
    return json(c, 200, wireCluster(cluster, wire()));
  });

  router.on('DELETE', CLUSTER_PATH, (c, p) => {
    const { cluster } = lookupCluster(ctx, c.get('principal'), p, ACTIONS.clusterDelete, true);
    if (!cluster) return c.body(null, 204);
    const precondition = checkPreconditions('DELETE', c.req.header('if-match'), undefined, cluster.eTag);
    if (precondition) throw precondition;
    rejectIfBusy(cluster);
    const op = ctx.store.beginOperation(cluster, (stored) => startDelete(stored, startOptions()));
    ctx.simulator.schedule();
    const urls = operationUrlsFor(ctx, op, c.get('principal'));
    c.header('Azure-AsyncOperation', urls.asyncOperation);
    c.header('Location', urls.location);
    return c.body(null, 202);
  });
}
