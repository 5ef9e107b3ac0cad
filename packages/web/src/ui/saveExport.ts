/**
 * The file formats of the hub's exports: CSV for German Excel, XLSX for calculating; JSON and HTML
 * for a person's own data (machine-readable and readable).
 */
export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'html';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/**
 * Offers an export as a file download. Exports are fetched through GraphQL with the session, so
 * they arrive as text: a CSV, JSON or HTML file as it is, an XLSX base64-encoded.
 */
export function saveExport(content: string, baseName: string, format: ExportFormat): void {
  const body = format === 'xlsx' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
  const url = URL.createObjectURL(new Blob([body], { type: MEDIA_TYPES[format] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${baseName}.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}
