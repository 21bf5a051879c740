import { AlertOctagon, AlertTriangle, CheckCircle2, Clock, XCircle } from 'lucide-react';
import { EXPIRY_LABELS } from '@/lib/inventory/expiry';
import type { ValidityStatus } from '@/lib/pki/validity-status';

const STYLES: Record<ValidityStatus, { className: string; Icon: typeof CheckCircle2 }> = {
  ok: {
    className: 'border-emerald-700 text-emerald-800 dark:border-emerald-500 dark:text-emerald-300',
    Icon: CheckCircle2,
  },
  expiring: {
    className: 'border-amber-700 text-amber-900 dark:border-amber-400 dark:text-amber-200',
    Icon: AlertTriangle,
  },
  critical: {
    className: 'border-orange-700 text-orange-900 dark:border-orange-400 dark:text-orange-200',
    Icon: AlertOctagon,
  },
  expired: { className: 'border-red-700 text-red-800 dark:border-red-400 dark:text-red-200', Icon: XCircle },
  'not-yet-valid': { className: 'border-sky-700 text-sky-900 dark:border-sky-400 dark:text-sky-200', Icon: Clock },
};

/** An expiry level as icon and word, so it never relies on colour alone. */
export function ExpiryBadge({ status }: { status: ValidityStatus }) {
  const { className, Icon } = STYLES[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium ${className}`}
      data-expiry-status={status}
    >
      <Icon aria-hidden="true" className="h-3.5 w-3.5" />
      {EXPIRY_LABELS[status]}
    </span>
  );
}
