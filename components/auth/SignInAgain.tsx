'use client';
import { useAuth } from './auth-context';
import { PRIMARY_BUTTON } from '@/components/ui/buttons';

/**
 * What a page shows when getArmToken rejected with SignInRequiredError: the reason and a button. Nothing
 * navigates until the user clicks it (the redirect leaves the page, so the choice is theirs).
 */
export function SignInAgain({ message, tenantId, what }: { message: string; tenantId?: string; what: string }) {
  const { reauthenticate } = useAuth();
  return (
    <div
      role="alert"
      className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50"
      data-testid="sign-in-again"
    >
      <p className="font-semibold">Sign in again to {what}</p>
      <p>{message}</p>
      <button type="button" className={PRIMARY_BUTTON} onClick={() => void reauthenticate(tenantId)}>
        Sign in again
      </button>
    </div>
  );
}
