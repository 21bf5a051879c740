'use client';
import { useEffect, useState } from 'react';
import type { CertificateInfo } from '@/lib/pki';
import { CertText } from '@/components/ui/CertText';
import { formatFingerprint } from '@/lib/pki/fingerprint';

/** The CA list read back from ARM after the rollout, decoded in the browser by lib/pki. */
export function TrustedBundle({ caBundle }: { caBundle: string[] }) {
  const [certificates, setCertificates] = useState<
    Pick<CertificateInfo, 'displayName' | 'sha256' | 'notAfter'>[] | null
  >(null);
  useEffect(() => {
    if (caBundle.length === 0) return;
    let cancelled = false;
    // lib/pki loads only here, once a rollout has succeeded: the rollout view needs no certificate engine before.
    import('@/lib/pki/read-ca-bundle')
      .then(({ readCaBundle }) => readCaBundle(caBundle, { now: new Date() }))
      .then(
        (result) => !cancelled && setCertificates(result.certificates),
        () => !cancelled && setCertificates([]),
      );
    return () => {
      cancelled = true;
    };
  }, [caBundle]);

  if (caBundle.length === 0)
    return (
      <p className="text-sm" data-testid="trusted-bundle">
        The cluster now trusts no custom CA.
      </p>
    );
  if (certificates === null) return <p className="text-sm">Reading the CA list back from Azure…</p>;
  return (
    <div data-testid="trusted-bundle">
      <p className="text-sm">
        Azure Resource Manager now holds {certificates.length} custom CA certificate
        {certificates.length === 1 ? '' : 's'} for this cluster:
      </p>
      <ul className="mt-1 space-y-1 text-sm">
        {certificates.map((certificate) => (
          <li key={certificate.sha256} data-testid="trusted-certificate" className="min-w-0">
            <CertText value={certificate.displayName} className="font-medium" />
            <span className="block font-mono text-xs break-all text-slate-700 dark:text-slate-300">
              SHA-256{' '}
              <span className="select-all" data-fingerprint="sha256">
                {formatFingerprint(certificate.sha256)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
