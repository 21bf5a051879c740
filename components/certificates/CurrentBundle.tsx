'use client';
import { Download } from 'lucide-react';
import { toAzFile, type BundleResult } from '@/lib/pki';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { downloadFile } from '@/components/ui/download';
import { CertificateCard } from './CertificateCard';
import { FindingList } from './FindingList';

/** The CAs the cluster's nodes trust today, decoded, with the findings that apply to them now. */
export function CurrentBundle({ bundle, clusterName, now }: { bundle: BundleResult; clusterName: string; now: Date }) {
  const { certificates, findings } = bundle;
  const name = (index: number) => certificates[index]?.displayName;
  return (
    <section aria-labelledby="current-bundle-heading" className="space-y-3" data-testid="current-bundle">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="current-bundle-heading" className="text-xl font-semibold">
          Current CA bundle ({certificates.length} certificate{certificates.length === 1 ? '' : 's'})
        </h2>
        {certificates.length > 0 && (
          <button
            type="button"
            className={SECONDARY_BUTTON}
            onClick={() =>
              downloadFile(`${clusterName}-ca-bundle.pem`, toAzFile(certificates), 'application/x-pem-file')
            }
          >
            <Download aria-hidden="true" className="h-4 w-4" /> Download the bundle (PEM)
          </button>
        )}
      </div>
      {certificates.length === 0 && findings.length === 0 && (
        <p data-testid="no-custom-ca">
          This cluster trusts no custom CA: its nodes trust only the operating system&apos;s CAs.
        </p>
      )}
      {findings.length > 0 && <FindingList findings={findings} certificateName={name} label="Current bundle" />}
      <div className="grid gap-3 xl:grid-cols-2">
        {certificates.map((certificate) => (
          <CertificateCard
            key={`${certificate.index}-${certificate.sha256}`}
            certificate={certificate}
            now={now}
            findings={findings.filter((finding) => finding.certificateIndex === certificate.index)}
          />
        ))}
      </div>
    </section>
  );
}
