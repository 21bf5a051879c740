'use client';
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { ErrorAlert } from '@/components/ui/Alert';
import type { ServerChecks } from './use-server-checks';
import { VerdictColumn } from './VerdictColumn';

const MAX_FILE_BYTES = 256 * 1024;

async function textOfFile(file: File): Promise<string> {
  return new TextDecoder('utf-8').decode(await file.slice(0, MAX_FILE_BYTES).arrayBuffer());
}

/**
 * "Check a server": paste the chain a server sends (PEM blocks, or the whole output of
 * `openssl s_client -showcerts -connect host:443`) or drop a file, name the host, and see side by side whether
 * the current and the proposed bundle make it trusted, with Go's rules (containerd, kubelet).
 */
export function ServerCheckPanel({ checks }: { checks: ServerChecks }) {
  const [host, setHost] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { host: useId(), chain: useId(), file: useId(), roots: useId(), hint: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checks.add(host, text);
    setError(problem);
    if (!problem) setText('');
  };
  const readFile = async (file: File | undefined) => {
    if (file) setText(await textOfFile(file));
  };
  const onDrop = (event: DragEvent<HTMLTextAreaElement>) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    void readFile(file);
  };

  return (
    <section aria-labelledby="check-server-heading" className="space-y-4" data-testid="check-server">
      <h2 id="check-server-heading" className="text-xl font-semibold">
        Check a server
      </h2>
      <p className="max-w-3xl text-sm">
        Will the nodes trust a registry, proxy or API after this change? Paste the chain the server sends and the name
        the nodes use. It is validated the way Go&apos;s crypto/x509 does it (containerd, kubelet), against the current
        and the proposed bundle. The servers you check stay in this browser only.
      </p>
      <form onSubmit={submit} className="space-y-3" aria-describedby={ids.hint}>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.host} className="text-sm font-medium">
            Host name or IP address
          </label>
          <input
            id={ids.host}
            value={host}
            onChange={(event) => setHost(event.target.value)}
            placeholder="registry.contoso.com"
            autoComplete="off"
            spellCheck={false}
            className="w-full max-w-md rounded border border-slate-400 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.chain} className="text-sm font-medium">
            Chain the server sends
          </label>
          <p id={ids.hint} className="text-xs text-slate-700 dark:text-slate-300">
            PEM blocks, its own certificate first, or the whole output of{' '}
            <code>openssl s_client -showcerts -connect host:443 &lt;/dev/null</code> (everything outside the blocks is
            ignored). You can also drop a file here.
          </p>
          <textarea
            id={ids.chain}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onDrop={onDrop}
            rows={6}
            spellCheck={false}
            className="w-full rounded border border-slate-400 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={ids.file} className="text-sm">
            Or read a file:
          </label>
          <input
            id={ids.file}
            type="file"
            className="text-sm"
            onChange={(event) => void readFile(event.target.files?.[0])}
          />
        </div>
        <div className="flex items-start gap-2">
          <input
            id={ids.roots}
            type="checkbox"
            className="mt-1"
            checked={checks.publicRoots.status !== 'off'}
            onChange={(event) => checks.setPublicRoots(event.target.checked)}
          />
          <label htmlFor={ids.roots} className="text-sm">
            Also trust the public roots a node OS ships (a snapshot of Debian&apos;s ca-certificates), for servers with
            public certificates
            {checks.publicRoots.status === 'loading' && ' (loading…)'}
            {checks.publicRoots.status === 'loaded' &&
              ` (${checks.publicRoots.roots.count} roots, ${checks.publicRoots.roots.description})`}
          </label>
        </div>
        {checks.publicRoots.status === 'failed' && (
          <ErrorAlert>The public roots could not be loaded; reload the page to try again.</ErrorAlert>
        )}
        {error && <ErrorAlert>{error}</ErrorAlert>}
        <button type="submit" className={SECONDARY_BUTTON}>
          Check the server
        </button>
        {!checks.stored && (
          <p className="text-xs">
            This browser cannot keep the list (storage is full or disabled); it lasts until you leave.
          </p>
        )}
      </form>
      {checks.servers.length > 0 && (
        <ul className="space-y-4" aria-label="Checked servers">
          {checks.servers.map((server) => {
            const verdict = checks.verdicts[server.id];
            return (
              <li key={server.id} className="space-y-2" data-testid="checked-server" data-host={server.host}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="text-lg font-semibold break-all">
                    <bdi>{server.host}</bdi>
                  </h3>
                  <button type="button" className={SECONDARY_BUTTON} onClick={() => checks.remove(server.id)}>
                    Remove<span className="sr-only"> {server.host} from the checked servers</span>
                  </button>
                </div>
                <p className="text-xs text-slate-700 dark:text-slate-300">
                  {server.chain.length} certificate{server.chain.length === 1 ? '' : 's'} sent by the server.
                </p>
                <div className="grid gap-3 md:grid-cols-2">
                  <VerdictColumn title="Current bundle" result={verdict?.current} testId="verdict-current" />
                  <VerdictColumn title="Proposed bundle" result={verdict?.proposed} testId="verdict-proposed" />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
