'use client';
import { useCallback } from 'react';
import { useDropzone } from 'react-dropzone';
import { FileUp } from 'lucide-react';
import { MAX_INPUT_BYTES } from '@/lib/pki';
import type { EditorSource } from '@/lib/clusters/editor-state';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';

let nextId = 0;

/** Reads dropped or chosen files as bytes for lib/pki (it tells text from DER). A huge file is cut just past the limit, so lib/pki refuses it by size without reading it all. */
async function readFiles(files: File[]): Promise<EditorSource[]> {
  return Promise.all(
    files.map(async (file) => ({
      id: `file-${++nextId}`,
      name: file.name || 'unnamed file',
      content: new Uint8Array(await file.slice(0, MAX_INPUT_BYTES + 1).arrayBuffer()),
    })),
  );
}

/** Drop many files at once, or choose them with a real button (keyboard: Tab, Enter). */
export function DropZone({ onFiles }: { onFiles: (files: EditorSource[]) => void }) {
  const onDrop = useCallback(
    (accepted: File[]) => {
      if (accepted.length > 0) void readFiles(accepted).then(onFiles);
    },
    [onFiles],
  );
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop,
    multiple: true,
    noClick: true,
    noKeyboard: true,
    useFsAccessApi: false,
  });

  return (
    <div
      {...getRootProps({
        className: `flex flex-col items-center gap-2 rounded border-2 border-dashed p-6 text-center ${isDragActive ? 'border-blue-700 bg-blue-50 dark:border-blue-400 dark:bg-blue-950' : 'border-slate-400 dark:border-slate-600'}`,
        'aria-label': 'Certificate files',
        role: 'group',
      })}
      data-testid="drop-zone"
    >
      <input {...getInputProps({ 'aria-label': 'Certificate files' })} data-testid="file-input" />
      <FileUp aria-hidden="true" className="h-6 w-6" />
      <p className="text-sm">
        {isDragActive
          ? 'Drop the files to check them.'
          : 'Drop certificate files here: .pem .crt .cer .der .p7b .txt or no extension, as many as you like.'}
      </p>
      <button type="button" onClick={open} className={SECONDARY_BUTTON}>
        Choose files…
      </button>
    </div>
  );
}
