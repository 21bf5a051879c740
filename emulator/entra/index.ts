/** The Entra ID v2.0 look-alike's routes, ready to mount at `/`. */
import { Hono } from 'hono';
import { mountAuthorize } from './authorize';
import type { EntraDeps } from './context';
import { mountDiscovery } from './discovery';
import { mountLogout } from './logout';
import { createEntraControl } from './control';
import { createEntraState } from './requests';
import { mountToken } from './token';

export type { EntraDeps } from './context';

/** The look-alike's public routes and its control routes (for /_emulator), over one shared state. */
export function createEntra(deps: EntraDeps): { routes: Hono; control: Hono } {
  const app = new Hono();
  const state = createEntraState();
  mountDiscovery(app, deps);
  mountAuthorize(app, deps, state);
  mountToken(app, deps, state);
  mountLogout(app, state);
  return { routes: app, control: createEntraControl(state) };
}
