import { notFound } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { PersonaPicker } from '@/components/auth/PersonaPicker';

/** Demo sign-in (local emulator only): pick a persona. In MSAL mode this page does not exist. */
export default function SignInPage() {
  if (getConfig().authMode !== 'demo') notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Sign in to the local emulator</h1>
      <p className="max-w-3xl text-slate-700 dark:text-slate-300">
        Demo mode: choose who you are. Each persona has different roles on the emulated subscriptions. Against a real
        tenant, sign-in goes through Microsoft Entra ID instead.
      </p>
      <PersonaPicker />
    </div>
  );
}
