/** The app's URLs in one place; German, like the rest of what users see. */
export const paths = {
  home: '/',
  signIn: '/anmelden',
  forgotPassword: '/passwort-vergessen',
  resetPassword: (token: string) => `/passwort-zuruecksetzen/${encodeURIComponent(token)}`,
  acceptInvitation: (token: string) => `/einladung/${encodeURIComponent(token)}`,
  members: '/mitglieder',
  workingGroups: '/arbeitsgruppen',
  projects: '/projekte',
  meetings: '/sitzungen',
  discussions: '/diskussionen',
  reports: '/berichte',
} as const;

/** Query parameter of the sign-in page naming where to continue afterwards. */
export const returnToParam = 'weiter';

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
