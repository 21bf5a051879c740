/** Shared button looks (Tailwind), light and dark. */
export const SECONDARY_BUTTON =
  'inline-flex items-center gap-1 rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800';
export const PRIMARY_BUTTON =
  'inline-flex items-center gap-1 rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-500 dark:disabled:bg-slate-600';
export const DANGER_BUTTON =
  'inline-flex items-center gap-1 rounded border border-red-700 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-red-400 dark:text-red-200 dark:hover:bg-red-950';
/** The look of a text field or select. */
export const FIELD =
  'rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';
