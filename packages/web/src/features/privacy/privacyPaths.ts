/** URLs of the data-protection pages; German, like the rest of the app's paths. */
export const privacyPaths = {
  auditTrail: '/protokoll',
  privacyNotice: '/datenschutz',
  processingRecord: '/datenschutz/verarbeitungsverzeichnis',
  imprint: '/impressum',
} as const;
