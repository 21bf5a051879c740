'use client';
import type { Dispatch } from 'react';
import { KeyRound, RotateCcw, Trash2, Undo2, X } from 'lucide-react';
import { removePrivateKeys, type CertificateInfo, type Finding } from '@/lib/pki';
import { PASTE_SOURCE_NAME, type EditorAction, type EditorState } from '@/lib/clusters/editor-state';
import type { Proposal } from '@/lib/clusters/proposal';
import { Badge } from '@/components/ui/Badge';
import { certLabel } from '@/components/ui/cert-text';
import { CertText } from '@/components/ui/CertText';
import { Pager, usePage } from '@/components/ui/Pager';
import { DANGER_BUTTON, SECONDARY_BUTTON } from '@/components/ui/buttons';
import { CertificateCard } from './CertificateCard';
import { DropZone } from './DropZone';
import { FindingList } from './FindingList';
import { PasteArea } from './PasteArea';

const PASTE_FINDINGS_ID = 'paste-findings';
/** Cards per page: AKS takes at most 10 certificates, so a page holds a whole appliable bundle. */
const CARDS_PER_PAGE = 10;

/** Files, pasted text and the proposed certificates, each read by lib/pki in the browser as it arrives. */
export function BundleEditor({
  editor,
  dispatch,
  proposal,
  current,
  now,
  onRemoveAll,
  removeAllDisabledReason,
}: {
  editor: EditorState;
  dispatch: Dispatch<EditorAction>;
  proposal: Proposal | null;
  current: CertificateInfo[];
  now: Date;
  onRemoveAll: () => void;
  removeAllDisabledReason: string | null;
}) {
  const findings = proposal?.findings ?? [];
  const pasteFindings = findings
    .filter((finding) => finding.file === PASTE_SOURCE_NAME)
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const otherFindings = findings.filter((finding) => finding.file !== PASTE_SOURCE_NAME);
  const certificates = proposal?.certificates ?? [];
  const name = (index: number) => certificates[index]?.displayName;
  // Remove the key: one action on the first private-key finding of the pasted text or of a file.
  const firstKeyFinding = (list: Finding[], file: string | undefined) =>
    list.find((finding) => finding.id === 'private-key' && finding.file === file);
  const pasteKeyFinding = firstKeyFinding(pasteFindings, PASTE_SOURCE_NAME);
  const removeKeyAction = (finding: Finding) => {
    if (finding === pasteKeyFinding)
      return (
        <button
          type="button"
          className={SECONDARY_BUTTON}
          onClick={() => dispatch({ type: 'paste-changed', text: removePrivateKeys(editor.pasted).text })}
        >
          <KeyRound aria-hidden="true" className="h-4 w-4" /> Remove the key
        </button>
      );
    const file = editor.files.find((item) => item.name === finding.file);
    if (!file || finding !== firstKeyFinding(otherFindings, file.name)) return null;
    return (
      <button
        type="button"
        className={SECONDARY_BUTTON}
        onClick={() => dispatch({ type: 'file-removed', id: file.id })}
      >
        <KeyRound aria-hidden="true" className="h-4 w-4" /> Remove the key
        <span className="sr-only"> (drops {file.name})</span>
      </button>
    );
  };
  const paging = usePage(certificates.length, CARDS_PER_PAGE);
  const notDecoded = proposal?.notDecoded ?? 0;

  return (
    <section aria-labelledby="editor-heading" className="space-y-4" data-testid="editor">
      <h2 id="editor-heading" className="text-xl font-semibold">
        Change the bundle
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        You start from the current bundle: add certificates from files or pasted text, remove single ones, or replace it
        all. Formatting problems that are safe to fix (line endings, stray spaces, DER, PKCS#7) are fixed and reported.
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={SECONDARY_BUTTON}
          onClick={() =>
            dispatch({ type: 'current-replaced', currentSha256: current.map((certificate) => certificate.sha256) })
          }
          disabled={current.length === 0}
        >
          <Trash2 aria-hidden="true" className="h-4 w-4" /> Replace the current bundle
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => dispatch({ type: 'reset' })}>
          <RotateCcw aria-hidden="true" className="h-4 w-4" /> Start again from the current bundle
        </button>
        <button
          type="button"
          className={DANGER_BUTTON}
          onClick={onRemoveAll}
          disabled={removeAllDisabledReason !== null}
          aria-describedby={removeAllDisabledReason ? 'remove-all-reason' : undefined}
        >
          Remove all custom CAs…
        </button>
        {removeAllDisabledReason && (
          <span id="remove-all-reason" className="self-center text-sm text-slate-700 dark:text-slate-300">
            {removeAllDisabledReason}
          </span>
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-2">
          <DropZone onFiles={(files) => dispatch({ type: 'files-added', files })} />
          {editor.files.length > 0 && (
            <ul className="space-y-1 text-sm" aria-label="Files added" data-testid="file-list">
              {editor.files.map((file) => (
                <li
                  key={file.id}
                  className="flex items-center justify-between gap-2 rounded border border-slate-200 px-2 py-1 dark:border-slate-800"
                >
                  <CertText value={file.name} className="min-w-0" />
                  <button
                    type="button"
                    className={SECONDARY_BUTTON}
                    onClick={() => dispatch({ type: 'file-removed', id: file.id })}
                  >
                    <X aria-hidden="true" className="h-4 w-4" /> Remove
                    <span className="sr-only"> {certLabel(file.name)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="space-y-2">
          <PasteArea
            value={editor.pasted}
            onChange={(text, lineEnding) => dispatch({ type: 'paste-changed', text, lineEnding })}
            findings={pasteFindings}
            describedBy={PASTE_FINDINGS_ID}
          />
          <FindingList
            id={PASTE_FINDINGS_ID}
            findings={pasteFindings}
            certificateName={name}
            label="Pasted text"
            actionFor={removeKeyAction}
          />
        </div>
      </div>

      <section aria-labelledby="proposal-heading" className="space-y-3" data-testid="proposal">
        <h3 id="proposal-heading" className="text-lg font-semibold">
          Proposed bundle ({proposal?.caBundle.length ?? 0} certificate{proposal?.caBundle.length === 1 ? '' : 's'})
        </h3>
        <p role="status" className="text-sm" data-testid="proposal-status">
          {!proposal
            ? 'Checking…'
            : proposal.errorCount > 0
              ? `${proposal.errorCount} error${proposal.errorCount === 1 ? '' : 's'} to fix before you can apply.`
              : `Checked in your browser: no errors, ${findings.length} note${findings.length === 1 ? '' : 's'}.`}
        </p>
        {notDecoded > 0 && (
          <p className="text-sm" data-testid="not-decoded">
            {(certificates.length + notDecoded).toLocaleString('en-US')} certificates given: AKS takes at most 10, so
            only the first {certificates.length.toLocaleString('en-US')} are decoded and shown; the other{' '}
            {notDecoded.toLocaleString('en-US')} are counted.
          </p>
        )}
        {otherFindings.length > 0 && (
          <FindingList
            findings={otherFindings}
            certificateName={name}
            label="Proposed bundle"
            actionFor={removeKeyAction}
          />
        )}
        <Pager label="Certificates" total={certificates.length} paging={paging} />
        <div className="grid gap-3 xl:grid-cols-2">
          {certificates.slice(paging.start, paging.end).map((certificate) => (
            <CertificateCard
              key={`${certificate.index}-${certificate.sha256}`}
              certificate={certificate}
              now={now}
              headingLevel={4}
              findings={findings.filter((finding) => finding.certificateIndex === certificate.index)}
              badges={
                <Badge tone={certificate.origin === 'added' ? 'info' : 'neutral'}>
                  {certificate.origin === 'added' ? (
                    <>
                      Added from <CertText value={certificate.source.file ?? 'input'} max={32} />
                    </>
                  ) : (
                    'In the cluster now'
                  )}
                </Badge>
              }
              actions={
                <button
                  type="button"
                  className={SECONDARY_BUTTON}
                  onClick={() =>
                    dispatch({ type: 'certificate-removed', sha256: certificate.sha256, origin: certificate.origin })
                  }
                >
                  <X aria-hidden="true" className="h-4 w-4" /> Remove
                  <span className="sr-only"> {certLabel(certificate.displayName)} from the proposal</span>
                </button>
              }
            />
          ))}
        </div>
        {proposal && proposal.excluded.length > 0 && (
          <div className="space-y-1">
            <h4 className="font-semibold">Left out</h4>
            <ul className="space-y-1 text-sm" data-testid="excluded">
              {proposal.excluded.map((certificate) => (
                <li
                  key={`${certificate.origin}-${certificate.sha256}`}
                  className="flex items-center justify-between gap-2 rounded border border-dashed border-slate-400 px-2 py-1"
                >
                  <CertText value={certificate.displayName} className="min-w-0" />
                  <button
                    type="button"
                    className={SECONDARY_BUTTON}
                    onClick={() =>
                      dispatch({ type: 'certificate-restored', sha256: certificate.sha256, origin: certificate.origin })
                    }
                  >
                    <Undo2 aria-hidden="true" className="h-4 w-4" /> Put back
                    <span className="sr-only"> {certLabel(certificate.displayName)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </section>
  );
}
