/** Limits used by API validation and by the forms alike. */
export const limits = {
  password: { minLength: 12, maxLength: 200 },
  email: { maxLength: 254 },
  personName: { maxLength: 120 },
  position: { maxLength: 120 },
  phone: { maxLength: 40 },
  pageSize: { default: 20, max: 100 },
  /** The search box: its text, and the hits per kind. */
  search: { text: { maxLength: 200 }, perKind: { default: 5, max: 20 } },
  /**
   * Bounds for every input, whatever the field: far above each field's own limit (the longest is
   * the minutes' body), they stop absurd requests before any service sees them.
   */
  input: { maxStringLength: 100_000, maxListLength: 1_000 },
  /** Dates and times the API accepts (the database could store years 1 to 9999; no real one is outside this). */
  dateTime: { minYear: 1900, maxYear: 2199 },
  /** How long an invitation link stays valid. */
  invitationTtlHours: 24 * 7,
  /** How long a password-reset link stays valid. */
  passwordResetTtlHours: 2,
  /** How long the old address may undo a change of the login e-mail. */
  emailChangeRevertTtlHours: 24 * 7,
  /** A session ends after this much inactivity... */
  sessionIdleHours: 24 * 7,
  /** ...and at the latest after this long. */
  sessionMaxHours: 24 * 30,
  /** Mutations per person (or IP address when anonymous) per minute. */
  writesPerMinute: 120,
  signIn: {
    /** Failed sign-ins per account within the window before it is locked for the rest of the window. */
    perAccount: 5,
    /** Failed sign-ins per IP address within the window. */
    perIp: 30,
    windowMinutes: 15,
  },
} as const;
