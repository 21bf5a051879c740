/** The ARM Hono app: pipeline, case-insensitive routes, ARM-shaped errors for everything else. */
import { Hono } from 'hono';
import type { ArmContext, ArmEnv } from '../context';
import { armPipeline } from '../http/pipeline';
import { errorToResponse } from '../http/respond';
import { Router } from '../http/router';
import { abortRoutes } from './abort';
import { clusterReadRoutes } from './clusterRead';
import { clusterWriteRoutes } from './clusterWrite';
import { computeRoutes } from './compute';
import { permissionRoutes } from './permissions';
import { operationRoutes } from '../operations/routes';
import { subscriptionRoutes } from './subscriptions';

export function createArmRoutes(ctx: ArmContext): Hono<ArmEnv> {
  const router = new Router();
  subscriptionRoutes(router, ctx);
  clusterReadRoutes(router, ctx);
  clusterWriteRoutes(router, ctx);
  operationRoutes(router, ctx);
  abortRoutes(router, ctx);
  computeRoutes(router, ctx);
  permissionRoutes(router, ctx);

  const app = new Hono<ArmEnv>();
  app.onError((error, c) => errorToResponse(c, error));
  for (const path of ['/subscriptions', '/subscriptions/*', '/tenants', '/tenants/*']) {
    app.use(path, armPipeline(ctx));
    app.all(path, (c) => router.dispatch(c));
  }
  return app;
}
