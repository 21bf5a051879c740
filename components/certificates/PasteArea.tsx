'use client';
import { useEffect, useMemo, useRef } from 'react';
import { X } from 'lucide-react';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import type { Finding } from '@/lib/pki';

const GUTTER_MARK = { error: '✖', warning: '▲', info: 'i' } as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Above this many characters the pasted text is not kept in the textarea: Chromium lays a 2 MiB textarea out in
 * over a second on every change. 256 Ki characters is some 500 certificates, 50 times what AKS accepts.
 */
export const MAX_EDITABLE_CHARS = 256 * 1024;

/** The line endings of text on the clipboard, which the textarea turns into LF as it inserts them. */
export function clipboardLineEnding(text: string): 'crlf' | 'cr' | undefined {
  if (text.includes('\r\n')) return 'crlf';
  return /\r(?!\n)/.test(text) ? 'cr' : undefined;
}

/** Line numbers as one text node (a 2 MiB paste has ~40,000 lines: one element per line would be as many nodes). */
function lineNumbers(count: number): string {
  let text = '';
  for (let line = 1; line <= count; line++) text += `${line}\n`;
  return text;
}

/**
 * A textarea with a line-number gutter. Lines with findings carry a mark in the gutter; the findings themselves
 * are listed at their line under the area and linked to it with aria-describedby (the gutter is decorative).
 * A paste's line endings are read from the clipboard before the textarea normalises them, and passed on with
 * the text so that lib/pki reports them as it does for a file.
 */
export function PasteArea({
  value,
  onChange,
  findings,
  describedBy,
}: {
  value: string;
  onChange: (text: string, lineEnding?: 'crlf' | 'cr') => void;
  findings: Finding[];
  describedBy: string;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const pastedLineEnding = useRef<'crlf' | 'cr' | undefined>(undefined);
  const clear = useRef<HTMLButtonElement>(null);
  const tooBig = value.length > MAX_EDITABLE_CHARS;
  const lineCount = useMemo(() => Math.max(value.split(/\r\n|\r|\n/).length, 8), [value]);
  const numbers = useMemo(() => (tooBig ? '' : lineNumbers(lineCount)), [lineCount, tooBig]);
  // The textarea the user pasted into gives way to the summary: focus goes to its one control.
  useEffect(() => {
    if (tooBig) clear.current?.focus();
  }, [tooBig]);
  const marks = useMemo(() => {
    const byLine = new Map<number, Finding['severity']>();
    for (const finding of findings) {
      if (!finding.line) continue;
      const previous = byLine.get(finding.line);
      if (!previous || RANK[finding.severity] < RANK[previous]) byLine.set(finding.line, finding.severity);
    }
    return byLine;
  }, [findings]);

  return (
    <div className="space-y-1">
      {tooBig ? (
        <p id="paste-area-label" className="block font-medium">
          Pasted text
        </p>
      ) : (
        <label htmlFor="paste-area" className="block font-medium">
          Paste PEM certificates
        </label>
      )}
      <p id="paste-area-hint" className="text-sm text-slate-700 dark:text-slate-300">
        One or more <code>-----BEGIN CERTIFICATE-----</code> blocks, base64 of a PEM, or an <code>az aks show</code>{' '}
        JSON. Checked in your browser as you type; only the decoded certificates are ever sent.
      </p>
      {tooBig ? (
        <div
          role="group"
          aria-labelledby="paste-area-label"
          aria-describedby={`paste-area-big ${describedBy}`}
          className="space-y-2 rounded border border-slate-400 p-3 text-sm dark:border-slate-600"
          data-testid="paste-too-big"
        >
          <p id="paste-area-big">
            The pasted text is too large to edit here: {value.length.toLocaleString('en-US')} characters on{' '}
            {lineCount.toLocaleString('en-US')} lines. AKS takes at most 10 certificates; the ones read from it are
            listed below, and findings give its line numbers.
          </p>
          <button ref={clear} type="button" className={SECONDARY_BUTTON} onClick={() => onChange('')}>
            <X aria-hidden="true" className="h-4 w-4" /> Clear the pasted text
          </button>
        </div>
      ) : (
        <div className="flex overflow-hidden rounded border border-slate-400 focus-within:outline focus-within:outline-3 focus-within:outline-blue-600 dark:border-slate-600">
          <div
            ref={gutter}
            aria-hidden="true"
            className="h-72 overflow-hidden bg-slate-100 px-2 py-2 text-right font-mono text-xs leading-5 text-slate-700 select-none dark:bg-slate-900 dark:text-slate-300"
          >
            <div className="relative">
              {[...marks].map(([line, severity]) => (
                <div
                  key={line}
                  data-line={line}
                  data-severity={severity}
                  style={{ top: `${(line - 1) * 1.25}rem` }}
                  className={`absolute left-0 ${severity === 'error' ? 'font-bold text-red-800 dark:text-red-300' : severity === 'warning' ? 'text-amber-900 dark:text-amber-200' : ''}`}
                >
                  {GUTTER_MARK[severity]}
                </div>
              ))}
              <div className="pl-4 whitespace-pre">{numbers}</div>
            </div>
          </div>
          <textarea
            id="paste-area"
            value={value}
            onPaste={(event) => {
              pastedLineEnding.current = clipboardLineEnding(event.clipboardData.getData('text/plain'));
            }}
            onChange={(event) => {
              const lineEnding = pastedLineEnding.current;
              pastedLineEnding.current = undefined;
              onChange(event.target.value, lineEnding);
            }}
            onScroll={(event) => {
              if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
            }}
            aria-describedby={`paste-area-hint ${describedBy}`}
            aria-invalid={findings.some((finding) => finding.severity === 'error')}
            spellCheck={false}
            autoComplete="off"
            wrap="off"
            className="h-72 flex-1 resize-none bg-white px-2 py-2 font-mono text-xs leading-5 outline-none dark:bg-slate-950"
          />
        </div>
      )}
    </div>
  );
}
