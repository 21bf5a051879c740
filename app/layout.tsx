import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import { toPublicAuthConfig } from '@/lib/auth/public-config';
import { AuthRoot } from '@/components/auth/AuthRoot';
import { AppHeader } from '@/components/layout/AppHeader';
import './globals.css';

// Configuration is read per request, so one build serves any tenant, cloud or the emulator.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'AKS CA trust',
  description: 'See and change the custom CA certificates your AKS nodes trust',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const config = toPublicAuthConfig(getConfig());
  return (
    // data-auth-mode lets components/auth/AuthRoot start the MSAL download before hydration.
    <html lang="en" data-auth-mode={config.mode}>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <AuthRoot config={config}>
          <AppHeader environmentLabel={config.environmentLabel} />
          <main id="main" className="mx-auto max-w-screen-2xl px-4 py-8">
            {children}
          </main>
        </AuthRoot>
      </body>
    </html>
  );
}
