import { RedirectBridge } from '@/components/auth/RedirectBridge';

/** MSAL's redirectUri: hands the sign-in response back to the main window (redirect, popup and silent iframe). */
export default function AuthRedirectPage() {
  return <RedirectBridge />;
}
