import { getConfig } from '@/lib/config';
import { HomeStatus } from '@/components/layout/HomeStatus';

export default function HomePage() {
  const config = getConfig();
  const introduction = (
    <>
      <h1 className="text-2xl font-semibold">Custom CA trust for AKS nodes</h1>
      <p className="max-w-3xl text-slate-700 dark:text-slate-300">
        See which certificate authorities each of your AKS clusters trusts and when they expire, check new PEM files
        before anything is sent, and follow the node replacement that a change starts.
      </p>
      <dl
        className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded border border-slate-200 p-4 text-sm dark:border-slate-800"
        aria-label="Azure environment"
      >
        <dt className="font-medium">Azure environment</dt>
        <dd data-testid="home-environment">{config.environmentLabel}</dd>
        <dt className="font-medium">Resource Manager</dt>
        <dd className="font-mono">{config.armEndpoint}</dd>
        <dt className="font-medium">Sign-in</dt>
        <dd>
          {config.authMode === 'demo' ? (
            'Demo personas (local emulator only)'
          ) : (
            <span className="font-mono">{config.authority}</span>
          )}
        </dd>
      </dl>
    </>
  );
  return <HomeStatus introduction={introduction} />;
}
