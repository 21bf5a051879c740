/**
 * Parsing what ARM returns for rollout reads, with zod: the operation status (any error message size: cut, never
 * fatal) and VMSS VM pages (azure-facts §13). ARM text is hostile: it is kept as plain strings for text rendering.
 * Also the two URL guards for reads whose address comes from ARM bodies (a machine's resourceId, a nextLink).
 * Pure.
 */
import 'server-only';
import { z } from 'zod';

/** ARM error messages longer than this are cut (and marked so); the page shows the start and the rest on request. */
export const MAX_ERROR_MESSAGE = 64 * 1024;
const MAX_STATUS = 256;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : value === undefined || value === null ? undefined : JSON.stringify(value);

const operationStatusSchema = z.object({
  status: z.string().min(1),
  startTime: z.string().max(64).nullish(),
  endTime: z.string().max(64).nullish(),
  /** Checked by hand: an odd error shape must not make the whole status unreadable. */
  error: z.unknown().optional(),
});

export interface OperationRead {
  status: string;
  startTime: string | null;
  endTime: string | null;
  error: { code: string; message: string; truncated?: boolean } | null;
  retryAfterSeconds: number | null;
}

export function parseOperationStatus(body: unknown): Omit<OperationRead, 'retryAfterSeconds'> | null {
  const parsed = operationStatusSchema.safeParse(body);
  if (!parsed.success) return null;
  const { status, startTime, endTime, error } = parsed.data;
  let shownError: OperationRead['error'] = null;
  if (error !== undefined && error !== null) {
    const fields = typeof error === 'object' ? (error as { code?: unknown; message?: unknown }) : { message: error };
    const message = text(fields.message) ?? '';
    shownError = {
      code: (text(fields.code) ?? 'Unknown').slice(0, 256),
      message: message.slice(0, MAX_ERROR_MESSAGE),
      ...(message.length > MAX_ERROR_MESSAGE ? { truncated: true } : {}),
    };
  }
  return {
    status: status.slice(0, MAX_STATUS),
    startTime: startTime ?? null,
    endTime: endTime ?? null,
    error: shownError,
  };
}

export const VMSS_API_VERSION = '2024-07-01';

const vmSchema = z.object({
  id: z.string().max(1024),
  name: z.string().max(256).optional(),
  properties: z
    .object({
      latestModelApplied: z.boolean().optional(),
      provisioningState: z.string().max(64).optional(),
      osProfile: z
        .object({ computerName: z.string().max(256).optional() })
        .passthrough()
        .optional(),
    })
    .passthrough()
    .optional(),
});

const vmPageSchema = z.object({ value: z.array(vmSchema).max(10_000), nextLink: z.string().max(16_384).nullish() });

export interface VmRead {
  id: string;
  computerName: string | null;
  latestModelApplied: boolean | null;
  provisioningState: string;
}

export function parseVmPage(body: unknown): { vms: VmRead[]; nextLink: string | null } | null {
  const parsed = vmPageSchema.safeParse(body);
  if (!parsed.success) return null;
  return {
    vms: parsed.data.value.map((vm) => ({
      id: vm.id,
      computerName: vm.properties?.osProfile?.computerName ?? null,
      latestModelApplied: vm.properties?.latestModelApplied ?? null,
      provisioningState: vm.properties?.provisioningState ?? 'Unknown',
    })),
    nextLink: parsed.data.nextLink ?? null,
  };
}

const VMSS_VM_ID =
  /^(\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/[A-Za-z0-9._()-]{1,90}\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/[A-Za-z0-9._-]{1,80})\/virtualMachines\/[A-Za-z0-9_-]{1,64}$/i;

/** The scale set a machine's `properties.resourceId` names, when it is a VMSS VM in the cluster's subscription. */
export function scaleSetOf(resourceId: string | null | undefined, subscriptionId: string): string | null {
  const match = resourceId ? VMSS_VM_ID.exec(resourceId) : null;
  if (!match || match[2]!.toLowerCase() !== subscriptionId.toLowerCase()) return null;
  return match[1]!;
}

/** A nextLink is followed only on the ARM origin and under the list it continues (the token goes with it). */
export function isFollowableNextLink(nextLink: string, armOrigin: string, listPath: string): boolean {
  if (nextLink.length > 16_384 || !/^[\x21-\x7e]+$/.test(nextLink) || nextLink.includes('#') || nextLink.includes('\\'))
    return false;
  if (!nextLink.startsWith(`${armOrigin}/`)) return false;
  const path = nextLink.slice(armOrigin.length).split('?')[0]!;
  return !/%2f|\/\.\.?(\/|$)/i.test(path) && path.toLowerCase() === listPath.toLowerCase();
}
