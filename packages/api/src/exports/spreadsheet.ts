import { stringify } from 'csv-stringify/sync';

/**
 * The one way the hub writes tables into files. Every export describes its columns once and gets
 * both a CSV as German Excel opens it (UTF-8 with BOM, semicolons, CRLF, decimal commas,
 * dd.mm.yyyy, formula-looking text neutralised) and an XLSX for calculating (numbers as numeric
 * cells with euro formats, a frozen header row with an auto filter).
 */

/**
 * How a column's values are written: text, money in cents, a whole number, a calendar date, or a
 * number with up to two decimals (a column mixing counts, euros and percentages).
 */
export type CellKind = 'text' | 'euroCents' | 'integer' | 'date' | 'decimal';

/** A calendar date as `YYYY-MM-DD` (computed in Europe/Berlin by the query), or a number or text. */
export type CellValue = string | number | null | undefined;

export interface ExportColumn<Row> {
  /** The German column heading. */
  header: string;
  kind: CellKind;
  /** Width in characters in the XLSX. */
  width: number;
  value: (row: Row) => CellValue;
}

export interface ExportTable<Row> {
  /** The sheet's name in the XLSX (at most 31 characters). */
  sheetName: string;
  columns: readonly ExportColumn<Row>[];
}

const euroFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integerFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const XLSX_FORMATS: Record<CellKind, string | undefined> = {
  text: '@',
  euroCents: '#,##0.00 "€"',
  integer: '#,##0',
  date: 'dd.mm.yyyy',
  decimal: '#,##0.##',
};

/**
 * Keeps spreadsheets from running a cell as a formula (CSV injection, OWASP): text starting with
 * = + - @ tab or CR gets a leading apostrophe, also "+49 …" (a phone number stays readable).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

function csvText(kind: CellKind, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'euroCents':
      return euroFormat.format(Number(value) / 100);
    case 'integer':
      return integerFormat.format(Number(value));
    case 'decimal':
      return decimalFormat.format(Number(value));
    case 'date': {
      const match = isoDate.exec(String(value));
      return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
    }
    case 'text':
      return neutraliseFormula(String(value));
  }
}

function xlsxValue(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'euroCents':
      return Number(value) / 100;
    case 'integer':
    case 'decimal':
      return Number(value);
    case 'date': {
      const match = isoDate.exec(String(value));
      // Excel dates carry no time zone: midnight UTC shows as that calendar day.
      return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    }
    case 'text':
      // A string cell in a text-formatted column ('@') is never evaluated, not even after editing:
      // the value stays as it is ("+49 …" without the CSV's apostrophe).
      return String(value);
  }
}

/** The rows as CSV for German Excel: UTF-8 with BOM, `;`, CRLF, German numbers and dates. */
export function toCsv<Row>(table: ExportTable<Row>, rows: readonly Row[]): string {
  return stringify(
    rows.map((row) => table.columns.map((column) => csvText(column.kind, column.value(row)))),
    {
      header: true,
      columns: table.columns.map((column) => column.header),
      delimiter: ';',
      bom: true,
      record_delimiter: 'windows',
    },
  );
}

/** One sheet of a workbook with its cell values read from the rows (so sheets of other row types mix). */
export interface WorkbookSheet {
  sheetName: string;
  columns: readonly Pick<ExportColumn<never>, 'header' | 'kind' | 'width'>[];
  cells: CellValue[][];
}

/** A table and its rows as one sheet of a workbook. */
export function sheetOf<Row>(table: ExportTable<Row>, rows: readonly Row[]): WorkbookSheet {
  return {
    sheetName: table.sheetName,
    columns: table.columns,
    cells: rows.map((row) => table.columns.map((column) => column.value(row))),
  };
}

/** Sheets as one XLSX workbook, in order. */
export async function toXlsxBuffer(sheets: readonly WorkbookSheet[]): Promise<Buffer> {
  // exceljs takes most of a second to load: only the first XLSX export pays for it, not every start.
  // A plain require (cached after the first), which works alike under node, tsx and jest.
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'Digitale Städte Rheinland-Pfalz';
  for (const { sheetName, columns, cells } of sheets) {
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({
      header: column.header,
      width: column.width,
      style: { numFmt: XLSX_FORMATS[column.kind] },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of cells) sheet.addRow(columns.map((column, i) => xlsxValue(column.kind, row[i])));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rows as an XLSX workbook, base64-encoded (GraphQL carries text). */
export async function toXlsxBase64<Row>(table: ExportTable<Row>, rows: readonly Row[]): Promise<string> {
  return (await toXlsxBuffer([sheetOf(table, rows)])).toString('base64');
}
