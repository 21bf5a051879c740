// Module resolution hook for the CLI: `server-only` (imported by lib/azure, which the fleet commands share with
// the dashboard's server) resolves with the `react-server` condition, as in Next's server and in
// `tsx --conditions=react-server` (bench:inventory), i.e. to its empty module. Nothing else changes.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only')
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
  return nextResolve(specifier, context);
}
