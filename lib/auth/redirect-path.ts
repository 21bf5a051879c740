/** The page MSAL returns to after redirect, popup and silent (iframe) sign-in; see app/auth/redirect. Plain data. */
export const REDIRECT_PATH = '/auth/redirect';
