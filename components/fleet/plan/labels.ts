import type { FleetChange, PlanBlockReason } from '@/lib/fleet/plan/types';

export const BLOCK_LABELS: Record<PlanBlockReason, string> = {
  'too-many-certificates': 'more than 10 certificates',
  'cluster-stopped': 'cluster stopped',
  'operation-running': 'an operation is running',
  'no-write-permission': 'no write permission',
  'windows-only': 'Windows pools only',
  'nothing-to-change': 'nothing to change',
  'certificate-errors': 'certificate errors',
  'not-readable': 'bundle not readable',
};

export const CHANGE_LABELS: Record<FleetChange['kind'], string> = {
  add: 'Add certificates',
  remove: 'Remove certificates',
  replace: 'Replace a CA',
  baseline: 'Trust exactly a baseline',
};
