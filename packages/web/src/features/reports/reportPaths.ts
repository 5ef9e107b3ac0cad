/** URLs of the report pages: the reports ("Berichte") and the key figures over time ("Kennzahlen"). */
export const reportPaths = {
  list: '/berichte',
  create: '/berichte/neu',
  detailPattern: '/berichte/:reportId',
  detail: (id: string) => `/berichte/${encodeURIComponent(id)}`,
  editPattern: '/berichte/:reportId/bearbeiten',
  edit: (id: string) => `/berichte/${encodeURIComponent(id)}/bearbeiten`,
  keyFigures: '/kennzahlen',
} as const;
