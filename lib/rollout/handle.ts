/**
 * The rollout handle: what apply returns and what the rollout view's URL carries, so that a reload, a second
 * tab or a colleague's browser resumes tracking. Plain data, base64url JSON in the `h` query parameter.
 * It holds no secret: the token never goes into it.
 */
import { z } from 'zod';

const ARM_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]{1,90}\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]{1,63}$/i;

export const rolloutHandleSchema = z.object({
  v: z.literal(1),
  /** The managed cluster's resource id. */
  clusterId: z.string().regex(ARM_ID, 'not a managed cluster resource id'),
  /** ARM's Azure-AsyncOperation URL; checked again on the server before any token is sent to it. */
  operationUrl: z.url({ protocol: /^https$/ }).max(2048).optional(),
  /** When ARM accepted the change (ISO-8601). */
  startedAt: z.iso.datetime(),
  /** Machine names per agent pool seen just before the change: the "old" nodes the rollout replaces. */
  machinesBefore: z.record(z.string().max(12), z.array(z.string().max(80)).max(1000)),
});

export type RolloutHandle = z.infer<typeof rolloutHandleSchema>;

export function encodeRolloutHandle(handle: RolloutHandle): string {
  const bytes = new TextEncoder().encode(JSON.stringify(handle));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type DecodedHandle = { ok: true; handle: RolloutHandle } | { ok: false; message: string };

const MAX_ENCODED_LENGTH = 64 * 1024;

export function decodeRolloutHandle(encoded: string): DecodedHandle {
  if (encoded.length > MAX_ENCODED_LENGTH) return { ok: false, message: 'The rollout link is too long to be one of ours.' };
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed = rolloutHandleSchema.safeParse(JSON.parse(json));
    if (parsed.success) return { ok: true, handle: parsed.data };
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `The rollout link is damaged (${issue.path.join('.') || 'handle'}: ${issue.message}).` };
  } catch {
    return { ok: false, message: 'The rollout link is damaged: it is not a rollout handle.' };
  }
}
