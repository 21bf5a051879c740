'use client';
import { useState } from 'react';

/**
 * Focus back to the control that opened a dialog, when it closes (Escape, Cancel, or after its action). Radix
 * returns focus only to its own Dialog.Trigger; a dialog opened from state (no Trigger) would drop focus to the
 * body. Call it in the dialog's component (it records the focused element on first render, before the dialog
 * takes focus) and pass the handler as `onCloseAutoFocus`.
 */
export function useOpenerFocus(): (event: Event) => void {
  const [opener] = useState<HTMLElement | null>(() =>
    typeof document !== 'undefined' && document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  return (event: Event) => {
    if (!opener || !opener.isConnected) return;
    event.preventDefault();
    opener.focus();
  };
}
