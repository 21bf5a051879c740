'use client';
import { useEffect, useMemo, useReducer } from 'react';
import { X } from 'lucide-react';
import { readBundle, type CertificateInfo, type Finding } from '@/lib/pki';
import { editorInputs, editorReducer, INITIAL_EDITOR_STATE, PASTE_SOURCE_NAME } from '@/lib/clusters/editor-state';
import { DropZone } from '@/components/certificates/DropZone';
import { PasteArea } from '@/components/certificates/PasteArea';
import { FindingList } from '@/components/certificates/FindingList';
import { CertText } from '@/components/ui/CertText';
import { ExpiryBadge } from '@/components/ui/ExpiryBadge';
import { formatFingerprint } from '@/lib/pki/fingerprint';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { validityStatus } from '@/lib/pki/validity-status';

export interface IntakeResult {
  certificates: CertificateInfo[];
  findings: Finding[];
}

/**
 * The certificates of a fleet change, given as files or pasted text and read by lib/pki in the browser, with every
 * finding inline (the editor's own drop zone and paste area).
 */
export function CertificateIntake({
  idPrefix,
  now,
  onChange,
}: {
  idPrefix: string;
  now: Date;
  onChange: (result: IntakeResult | null) => void;
}) {
  const [editor, dispatch] = useReducer(editorReducer, INITIAL_EDITOR_STATE);
  const inputs = useMemo(() => editorInputs(editor), [editor]);
  const promise = useMemo(
    () => (inputs.length === 0 ? Promise.resolve(null) : readBundle(inputs, { now })),
    [inputs, now],
  );
  const [result, setResult] = useReducer(
    (_: IntakeResult | null, next: IntakeResult | null) => next,
    null as IntakeResult | null,
  );
  useEffect(() => {
    let current = true;
    void promise.then((value) => {
      if (!current) return;
      const next = value ? { certificates: value.certificates, findings: value.findings } : null;
      setResult(next);
      onChange(next);
    });
    return () => {
      current = false;
    };
  }, [promise]); // eslint-disable-line react-hooks/exhaustive-deps

  const findings = result?.findings ?? [];
  const pasteFindings = findings.filter((f) => f.file === PASTE_SOURCE_NAME);
  const otherFindings = findings.filter((f) => f.file !== PASTE_SOURCE_NAME);
  const name = (index: number) => result?.certificates[index]?.displayName;
  const pasteFindingsId = `${idPrefix}-paste-findings`;

  return (
    <div className="space-y-3">
      <DropZone onFiles={(files) => dispatch({ type: 'files-added', files })} />
      {editor.files.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label="Files">
          {editor.files.map((file) => (
            <li key={file.id} className="flex items-center gap-2">
              <CertText value={file.name} />
              <button
                type="button"
                className={SECONDARY_BUTTON}
                onClick={() => dispatch({ type: 'file-removed', id: file.id })}
                aria-label={`Remove the file ${file.name}`}
              >
                <X aria-hidden="true" className="h-4 w-4" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <PasteArea
        value={editor.pasted}
        onChange={(text, lineEnding) => dispatch({ type: 'paste-changed', text, lineEnding })}
        findings={pasteFindings}
        describedBy={pasteFindingsId}
      />
      <FindingList id={pasteFindingsId} findings={pasteFindings} certificateName={name} label="Pasted text" />
      <FindingList findings={otherFindings} certificateName={name} label="Certificates" />
      {result && result.certificates.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label="Certificates read" data-testid="intake-certificates">
          {result.certificates.map((certificate) => (
            <li key={certificate.sha256} className="flex flex-wrap items-center gap-2" data-sha256={certificate.sha256}>
              <ExpiryBadge status={validityStatus(certificate, now)} />
              <CertText value={certificate.displayName} />
              <code className="font-mono text-xs break-all text-slate-700 dark:text-slate-300">
                {formatFingerprint(certificate.sha256)}
              </code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
