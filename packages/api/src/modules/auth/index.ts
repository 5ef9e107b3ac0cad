/** The auth module's public face: what other modules may use. */
export { InviteUserInput } from './auth.inputs';
export { AuthService } from './auth.service';
export { RateLimiter } from './rate-limiter';
export { endAllSessions, newToken, SESSION_COOKIE, sessionFromRequest, sha256 } from './session.service';
export { requireRole, requireViewer } from './viewer';
