'use server';
import { logAction } from '@/lib/log/action-log';
import { z } from 'zod';
import { fail, succeed, type ActionResult } from '@/lib/action-result';
import { tenantIdSchema } from '@/lib/azure/resource-names';
import { fetchDemoPersonas, fetchDemoSession, type DemoPersona, type DemoSession } from '@/lib/auth/demo-personas';

const personaIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,40}$/, 'A persona id is lower-case letters, digits and dashes.');

export async function listDemoPersonas(): Promise<ActionResult<DemoPersona[]>> {
  return logAction('listDemoPersonas', async () => {
    try {
      return succeed(await fetchDemoPersonas());
    } catch (error) {
      return fail({ code: 'EmulatorUnavailable', message: (error as Error).message });
    }
  });
}

/** Signs in as a persona of the local emulator; refused unless the server runs in demo mode against it. */
export async function demoSignIn(personaId: unknown, tenantId?: unknown): Promise<ActionResult<DemoSession>> {
  return logAction('demoSignIn', async () => {
    const parsed = personaIdSchema.safeParse(personaId);
    if (!parsed.success)
      return fail({ code: 'InvalidPersona', message: parsed.error.issues[0]!.message, target: 'personaId' });
    const tenant = tenantIdSchema.optional().safeParse(tenantId);
    if (!tenant.success)
      return fail({ code: 'InvalidTenant', message: tenant.error.issues[0]!.message, target: 'tenantId' });
    try {
      return succeed(await fetchDemoSession(parsed.data, tenant.data));
    } catch (error) {
      return fail({ code: 'DemoSignInFailed', message: (error as Error).message });
    }
  });
}
