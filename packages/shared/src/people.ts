/** The CSV import of digital officers: the columns it knows and how much it takes at once. */
export const officerImport = {
  maxRows: 500,
  maxBytes: 1_000_000,
  /** Required columns first; each column also accepts its German header. */
  columns: {
    name: ['name'],
    email: ['email', 'e-mail', 'e-mail-adresse', 'mail'],
    municipality: [
      'municipality',
      'kommune',
      'ars',
      'ags',
      'gemeindeschluessel',
      'gemeindeschlüssel',
      'regionalschluessel',
      'regionalschlüssel',
    ],
    position: ['position', 'funktion'],
    phone: ['phone', 'telefon'],
    locale: ['locale', 'sprache'],
  },
  required: ['name', 'email', 'municipality'],
} as const;

export type OfficerImportColumn = keyof typeof officerImport.columns;
