'use client';
import { useMemo } from 'react';
import { Download } from 'lucide-react';
import type { CertificateInfo } from '@/lib/pki';
import { bundleExports } from '@/lib/clusters/exports';
import { CopyButton } from '@/components/ui/CopyButton';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { downloadFile } from '@/components/ui/download';

function ExportBlock({ title, fileName, type, text }: { title: string; fileName: string; type: string; text: string }) {
  return (
    <details className="rounded border border-slate-200 p-2 dark:border-slate-800">
      <summary className="cursor-pointer font-medium">{title}</summary>
      <div className="mt-2 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={SECONDARY_BUTTON} onClick={() => downloadFile(fileName, text, type)}>
            <Download aria-hidden="true" className="h-4 w-4" /> Download {fileName}
          </button>
          <CopyButton text={text} label={`Copy the ${title}`} />
        </div>
        <pre
          className="max-h-64 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900"
          tabIndex={0}
          aria-label={title}
        >
          {text || '(empty: no certificate)'}
        </pre>
      </div>
    </details>
  );
}

/** The proposed bundle as az CLI file, Terraform value and ARM JSON, to download or copy. */
export function ExportPanel({
  certificates,
  clusterName,
}: {
  certificates: Pick<CertificateInfo, 'pem'>[];
  clusterName: string;
}) {
  const exports = useMemo(() => bundleExports(certificates), [certificates]);
  return (
    <div className="space-y-2" data-testid="exports">
      <ExportBlock
        title="az CLI file (--custom-ca-trust-certificates)"
        fileName={`${clusterName}-ca-bundle.pem`}
        type="application/x-pem-file"
        text={exports.azFile}
      />
      <ExportBlock
        title="Terraform value (custom_ca_trust_certificates_base64)"
        fileName={`${clusterName}-ca-bundle.tf`}
        type="text/plain"
        text={exports.terraform}
      />
      <ExportBlock
        title="ARM JSON (securityProfile)"
        fileName={`${clusterName}-ca-bundle.json`}
        type="application/json"
        text={exports.armJson}
      />
    </div>
  );
}
