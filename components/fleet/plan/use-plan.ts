'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { readBundle, type CertificateInfo } from '@/lib/pki';
import type { FleetPlan } from '@/lib/fleet/plan/types';
import { readPlanText, readStoredPlan, storePlan } from './plan-store';

export type PlanLoad =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'loaded'; plan: FleetPlan; id: string }
  | { status: 'failed'; message: string };

/** The plan named by the URL's id, read back from this browser's storage and checked like a file. */
export function useStoredPlan(id: string | null): PlanLoad {
  const [load, setLoad] = useState<{ id: string | null; value: PlanLoad }>({ id: null, value: { status: 'none' } });
  useEffect(() => {
    if (!id) return;
    let current = true;
    void readStoredPlan(id).then((stored) => {
      if (current)
        setLoad({
          id,
          value: stored.ok
            ? { status: 'loaded', plan: stored.plan, id }
            : { status: 'failed', message: stored.message },
        });
    });
    return () => {
      current = false;
    };
  }, [id]);
  if (!id) return { status: 'none' };
  return load.id === id ? load.value : { status: 'loading' };
}

/** A chosen plan file: checked fully, stored in this browser, and its id returned. */
export function usePlanFileLoader(): {
  loadFile: (file: File) => Promise<string | null>;
  error: string | null;
} {
  const [error, setError] = useState<string | null>(null);
  const loadFile = useCallback(async (file: File) => {
    setError(null);
    const read = await readPlanText(await file.text());
    if (!read.ok) {
      setError(read.message);
      return null;
    }
    return storePlan(read.plan);
  }, []);
  return { loadFile, error };
}

/** Each certificate the plan names, decoded by lib/pki (display names go through CertText). */
export function usePlanCertificates(plan: FleetPlan | null): Map<string, CertificateInfo> {
  const [decoded, setDecoded] = useState<{ plan: FleetPlan | null; map: Map<string, CertificateInfo> }>({
    plan: null,
    map: new Map(),
  });
  const pems = useMemo(() => (plan ? Object.entries(plan.certificates) : []), [plan]);
  useEffect(() => {
    if (!plan) return;
    let current = true;
    void readBundle(
      pems.map(([sha, pem]) => ({ name: sha, content: pem })),
      { now: new Date() },
    ).then((result) => {
      if (current) setDecoded({ plan, map: new Map(result.certificates.map((c) => [c.sha256, c])) });
    });
    return () => {
      current = false;
    };
  }, [plan, pems]);
  return decoded.plan === plan ? decoded.map : new Map();
}
