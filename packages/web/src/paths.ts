/** The app's URLs in one place; German, like the rest of what users see. */
export const paths = {
  home: '/',
  signIn: '/anmelden',
  forgotPassword: '/passwort-vergessen',
  members: '/mitglieder',
  workingGroups: '/arbeitsgruppen',
  projects: '/projekte',
  meetings: '/sitzungen',
  discussions: '/diskussionen',
} as const;

/** Route patterns of the pages whose path carries a parameter (links to them are sent by e-mail). */
export const routePatterns = {
  acceptInvitation: '/einladung/:token',
  resetPassword: '/passwort-zuruecksetzen/:token',
  restoreEmail: '/e-mail-wiederherstellen/:token',
} as const;

/** Query parameter of the sign-in page naming where to continue afterwards. */
export const returnToParam = 'weiter';

/** Query parameter of the sign-in page confirming a sign-out. */
export const signedOutParam = 'abgemeldet';

export const signedOutPath = `${paths.signIn}?${signedOutParam}=1`;

/** The sign-in URL that leads back to `returnTo` afterwards. */
export function signInPath(returnTo?: string): string {
  if (!returnTo || returnTo === paths.home) return paths.signIn;
  return `${paths.signIn}?${new URLSearchParams({ [returnToParam]: returnTo })}`;
}

/** Only paths inside this app are followed after sign-in, never another site (open redirect). */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return paths.home;
  return value;
}
