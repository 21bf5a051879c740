/**
 * Test helpers: createArm with a fake bearer check (`Bearer persona:<id>[@<tenantId>]`), a fake clock and no
 * timers, plus a `call` shortcut over `routes.request`.
 */
import type { BearerCheck } from '../contract';
import { findPersona } from '../directory';
import { createArm, type ArmEmulatorWithInternals, type ArmExtraOptions } from '../arm/index';
import type { ArmOptions } from '../contract';
import { loadOrCreateOperationSigning, type OperationSigning } from '../arm/operations/signing-certificate';
import { generateSeedCertificates, type SeedCertificates } from '../arm/seed/certificates';

export const BASE = 'https://localhost:8443';
export const API = 'api-version=2026-06-01';

export async function fakeVerifyBearer(header: string | undefined): Promise<BearerCheck> {
  if (!header)
    return {
      ok: false,
      code: 'AuthenticationFailed',
      message: "Authentication failed. The 'Authorization' header is missing.",
    };
  const match = /^Bearer persona:([a-z]+)(?:@(.+))?$/.exec(header);
  const persona = match && findPersona(match[1]!);
  if (!persona) return { ok: false, code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' };
  return {
    ok: true,
    principal: {
      objectId: persona.objectId,
      tenantId: match[2] ?? persona.homeTenantId,
      name: persona.name,
      username: persona.username,
      clientId: 'test-client',
    },
  };
}

let certificates: Promise<SeedCertificates> | undefined;
/** One signing certificate for every test emulator, so a restarted one still accepts the URLs it issued. */
let signing: Promise<OperationSigning> | undefined;

export class FakeClock {
  constructor(public t = Date.parse('2026-11-29T12:00:00Z')) {}
  now = () => this.t;
}

export interface TestArm extends ArmEmulatorWithInternals {
  clock: FakeClock;
  call(
    method: string,
    path: string,
    options?: { persona?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Advances the fake clock and steps the simulator through everything due. */
  advance(ms: number): void;
}

export async function createTestArm(options: Partial<ArmOptions> & ArmExtraOptions = {}): Promise<TestArm> {
  certificates ??= generateSeedCertificates();
  signing ??= loadOrCreateOperationSigning();
  const clock = new FakeClock();
  const arm = await createArm({
    publicBaseUrl: BASE,
    verifyBearer: fakeVerifyBearer,
    clock,
    useTimers: false,
    msPerBatch: 1000,
    certificates: await certificates,
    operationSigning: await signing,
    ...options,
  });
  return Object.assign(arm, {
    clock,
    call(method: string, path: string, o: { persona?: string; body?: unknown; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.persona !== '') headers.authorization = `Bearer persona:${o.persona ?? 'owner'}`;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const url =
        path.includes('api-version') || path.startsWith('/_') ? path : `${path}${path.includes('?') ? '&' : '?'}${API}`;
      return Promise.resolve(
        arm.routes.request(url, {
          method,
          headers,
          ...(o.body !== undefined ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}),
        }),
      );
    },
    advance(ms: number) {
      const from = clock.t;
      clock.t += ms;
      arm.internals.simulator.advanceBy(from, ms);
    },
  });
}
