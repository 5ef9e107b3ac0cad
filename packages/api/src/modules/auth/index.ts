/** The auth module's public face: what other modules may use. */

// Kept here for the modules that ask for the viewer through auth; the guards live with the context.
export { requireRole, requireViewer } from '../../graphql/viewer';
export { authAccountSecurity } from './account-security';
export { InviteUserInput } from './auth.inputs';
export { AuthService } from './auth.service';
export { RateLimiter } from './rate-limiter';
export { endAllSessions, newToken, SESSION_COOKIE, sessionFromRequest, sha256 } from './session.service';
