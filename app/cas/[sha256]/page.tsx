import { Suspense } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { normalizeHex } from '@/lib/fleet';
import { CaDetailView } from '@/components/fleet/CaDetailView';

export const metadata: Metadata = { title: 'Which clusters trust this CA? · AKS CA trust' };

export default async function CaPage({ params }: { params: Promise<{ sha256: string }> }) {
  const hex = normalizeHex(decodeURIComponent((await params).sha256));
  if (!hex || hex.length !== 64) notFound();
  return (
    <Suspense>
      <CaDetailView sha256={hex} />
    </Suspense>
  );
}
