'use client';
import { useEffect, useState } from 'react';
import { Check, Copy } from 'lucide-react';

/** Copies text; says "Copied" in words (announced politely) so the result never depends on the icon. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={label}
        title={label}
        className="inline-flex items-center rounded border border-slate-300 p-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {copied === 'yes' ? (
          <Check aria-hidden="true" className="h-3.5 w-3.5" />
        ) : (
          <Copy aria-hidden="true" className="h-3.5 w-3.5" />
        )}
      </button>
      <span aria-live="polite" className="text-xs text-slate-700 dark:text-slate-300">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}
