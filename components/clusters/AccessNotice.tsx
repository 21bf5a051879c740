import { readOnlyReason, type WriteAccess } from '@/lib/clusters/apply-gate';

/** Before any edit: a read-only caller learns it now, not after confirming; a failed check says so and changes nothing. */
export function AccessNotice({ access }: { access: WriteAccess }) {
  const readOnly = readOnlyReason(access);
  if (readOnly) {
    return (
      <div
        className="rounded border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
        data-testid="read-only"
      >
        <p className="font-semibold">You can read this cluster but not change it</p>
        <p>{readOnly}</p>
      </div>
    );
  }
  if (access.status === 'unknown') {
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="permissions-unknown">
        Could not check your permissions on this cluster ({access.message}). You can still edit; Azure checks them when
        you apply.
      </p>
    );
  }
  return null;
}
