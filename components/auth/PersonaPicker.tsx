'use client';
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { listDemoPersonas } from '@/app/actions/demo-sign-in';
import type { DemoPersona } from '@/lib/auth/demo-personas';
import { ErrorAlert } from '@/components/ui/Alert';
import { signInAsPersona } from './DemoAuthProvider';

export function PersonaPicker() {
  const router = useRouter();
  const [personas, setPersonas] = useState<DemoPersona[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    listDemoPersonas().then((result) => (result.ok ? setPersonas(result.data) : setError(result.error.message)));
  }, []);

  async function choose(persona: DemoPersona) {
    setBusy(persona.id);
    setError(undefined);
    try {
      await signInAsPersona(persona.id);
      router.push('/');
    } catch (cause) {
      setError((cause as Error).message);
      setBusy(undefined);
    }
  }

  return (
    <div className="space-y-3">
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {!personas && !error && <p>Loading personas…</p>}
      <ul className="grid max-w-3xl gap-3 sm:grid-cols-2">
        {personas?.map((persona) => (
          <li key={persona.id}>
            <button
              type="button"
              onClick={() => void choose(persona)}
              disabled={busy !== undefined}
              className="w-full rounded border border-slate-300 p-4 text-left hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
            >
              <span className="block font-medium">Continue as {persona.name}</span>
              <span className="block text-sm text-slate-700 dark:text-slate-300">{persona.username}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">{persona.description}</span>
              {busy === persona.id && <span className="block text-sm">Signing in…</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
