'use client';
/**
 * Fleet plans live in the browser only (issue 12: nothing is kept on the server): localStorage, keyed by a plan id
 * that is the SHA-256 of the plan's JSON, so loading the same plan file in another browser lands on the same id.
 * The stored text is checked again with parsePlanFile when it is read back (it is outside input like a file).
 */
import type { FleetPlan } from '@/lib/fleet/plan/types';

const PREFIX = 'aks-ca-trust:fleet-plan:';
const KEEP = 20;

/** The plan file module (zod inside) is loaded only when a plan is read or written. */
const planFile = () => import('@/lib/fleet/plan/plan-file');

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function planText(plan: FleetPlan): Promise<string> {
  return (await planFile()).serializePlan(plan);
}

/** Stores the plan and returns its id. Old plans beyond the last few are dropped. */
export async function storePlan(plan: FleetPlan): Promise<string> {
  const text = await planText(plan);
  const id = (await sha256Hex(text)).slice(0, 16);
  const key = PREFIX + id;
  try {
    localStorage.setItem(key, JSON.stringify({ storedAt: Date.now(), text }));
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(PREFIX) && k !== key);
    const byAge = keys
      .map((k) => ({
        k,
        at: Number((JSON.parse(localStorage.getItem(k) ?? '{}') as { storedAt?: number }).storedAt) || 0,
      }))
      .sort((a, b) => b.at - a.at);
    for (const old of byAge.slice(KEEP - 1)) localStorage.removeItem(old.k);
  } catch {
    // Storage full or blocked: the page still has the plan in memory and offers the download.
    sessionStorage.setItem(key, JSON.stringify({ storedAt: Date.now(), text }));
  }
  return id;
}

export type StoredPlan = { ok: true; plan: FleetPlan; text: string } | { ok: false; message: string };

export async function readStoredPlan(id: string): Promise<StoredPlan> {
  const key = PREFIX + id;
  const raw = localStorage.getItem(key) ?? sessionStorage.getItem(key);
  if (!raw) return { ok: false, message: 'This browser holds no plan with this id. Load the plan file instead.' };
  let text: string;
  try {
    text = String((JSON.parse(raw) as { text?: unknown }).text ?? '');
  } catch {
    return { ok: false, message: 'The stored plan is damaged. Load the plan file instead.' };
  }
  return readPlanText(text);
}

/** A plan file's text, checked fully (every SHA-256 recomputed from its PEM, counts consistent). */
export async function readPlanText(text: string): Promise<StoredPlan> {
  const parsed = await (await planFile()).parsePlanFile(text);
  return parsed.ok ? { ok: true, plan: parsed.plan, text } : { ok: false, message: parsed.message };
}

export function planFileName(plan: FleetPlan): string {
  return `fleet-plan-${plan.change.kind}-${plan.createdAt.slice(0, 19).replace(/[:T]/g, '-')}.json`;
}
