'use client';
import { useCallback, useState } from 'react';
import Link from 'next/link';
import { useDropzone } from 'react-dropzone';
import { FileSearch } from 'lucide-react';
import { MAX_INPUT_BYTES, readBundle } from '@/lib/pki';
import { findCa, type FleetCa } from '@/lib/fleet';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { formatFingerprint } from '@/lib/pki/fingerprint';
import { CertText } from '@/components/ui/CertText';
import { caHref } from './CaSummary';

interface FileCertificate {
  sha256: string;
  displayName: string;
}

type Outcome = { file: string; certificates: FileCertificate[] } | { file: string; error: string };

/**
 * Drop (or choose) a certificate file to find that CA in the fleet. The file is read by lib/pki in the browser
 * (PEM, DER, bundles); nothing is uploaded.
 */
export function FindByFile({ index, now }: { index: FleetCa[]; now: Date }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const onDrop = useCallback(
    async (files: File[]) => {
      const file = files[0];
      if (!file) return;
      const name = file.name || 'unnamed file';
      const content = new Uint8Array(await file.slice(0, MAX_INPUT_BYTES + 1).arrayBuffer());
      const result = await readBundle([{ name, content }], { now });
      setOutcome(
        result.certificates.length > 0
          ? {
              file: name,
              certificates: result.certificates.map(({ sha256, displayName }) => ({ sha256, displayName })),
            }
          : {
              file: name,
              error:
                result.findings.find((finding) => finding.severity === 'error')?.message ??
                'No certificate was found in this file.',
            },
      );
    },
    [now],
  );
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: (files) => void onDrop(files),
    multiple: false,
    noClick: true,
    noKeyboard: true,
    useFsAccessApi: false,
  });

  return (
    <div className="space-y-3">
      <div
        {...getRootProps({
          className: `flex flex-col items-center gap-2 rounded border-2 border-dashed p-4 text-center ${isDragActive ? 'border-blue-700 bg-blue-50 dark:border-blue-400 dark:bg-blue-950' : 'border-slate-400 dark:border-slate-600'}`,
          role: 'group',
          'aria-label': 'Find a CA by its certificate file',
        })}
        data-testid="find-drop-zone"
      >
        <input {...getInputProps({ 'aria-label': 'Certificate file to find' })} data-testid="find-file-input" />
        <FileSearch aria-hidden="true" className="h-6 w-6" />
        <p className="text-sm">
          {isDragActive
            ? 'Drop the file to find its CA.'
            : 'Or drop a certificate file here (.pem .crt .cer .der): it is read in this browser, not uploaded.'}
        </p>
        <button type="button" onClick={open} className={SECONDARY_BUTTON}>
          Choose a file…
        </button>
      </div>
      <div aria-live="polite" data-testid="file-results">
        {outcome &&
          ('error' in outcome ? (
            <p role="alert" className="text-sm text-red-800 dark:text-red-300">
              <CertText value={outcome.file} />: {outcome.error}
            </p>
          ) : (
            <div className="space-y-1 text-sm">
              <p>
                In <CertText value={outcome.file} className="font-medium" />:
              </p>
              <ul className="space-y-2">
                {outcome.certificates.map((certificate) => {
                  const ca = findCa(index, certificate.sha256);
                  return (
                    <li key={certificate.sha256} data-testid="file-certificate" data-sha256={certificate.sha256}>
                      <Link
                        href={caHref(certificate.sha256)}
                        className="font-medium text-blue-800 underline dark:text-blue-300"
                      >
                        <CertText value={certificate.displayName} />
                      </Link>{' '}
                      {ca
                        ? `: trusted by ${ca.clusters.length} cluster${ca.clusters.length === 1 ? '' : 's'}`
                        : ': no loaded cluster trusts this CA'}
                      <br />
                      <code className="font-mono text-xs break-all">{formatFingerprint(certificate.sha256)}</code>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
      </div>
    </div>
  );
}
