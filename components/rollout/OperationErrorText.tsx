import type { OperationError } from '@/lib/rollout/snapshot';

const SHOWN = 600;

/** ARM's error, rendered as text only (it is hostile input), of any size: the start, and the rest on request. */
export function OperationErrorText({ error }: { error: OperationError }) {
  const long = error.message.length > SHOWN;
  return (
    <div className="space-y-1 rounded bg-slate-100 p-2 text-sm dark:bg-slate-900" data-testid="arm-error">
      <p>
        Azure Resource Manager: <code className="font-mono font-semibold break-all">{error.code}</code>
      </p>
      <p className="break-words whitespace-pre-wrap" data-testid="arm-error-start">
        {long ? `${error.message.slice(0, SHOWN)}…` : error.message}
      </p>
      {long && (
        <details>
          <summary className="cursor-pointer">
            Full message ({error.message.length.toLocaleString()} characters
            {error.truncated ? ', cut by the server at that length' : ''})
          </summary>
          <pre
            className="mt-1 max-h-96 overflow-auto font-mono text-xs break-words whitespace-pre-wrap select-all"
            data-testid="arm-error-full"
          >
            {error.message}
          </pre>
        </details>
      )}
    </div>
  );
}
