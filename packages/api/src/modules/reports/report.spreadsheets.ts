import { projectCategoryLabelsDe, projectPhaseLabelsDe } from '@hub/shared';
import { type ExportTable, sheetOf, toCsv, toXlsxBuffer } from '../../exports/spreadsheet';
import type { NetworkFigures } from './network-figures.types';
import { FIGURE_ROWS, type FigureRow, unitLabelsDe } from './report-figures';
import type { ReportProjectSection, ReportSnapshot } from './report-snapshot';

interface FigureLine {
  row: FigureRow;
  current: number | null;
  previous: number | null;
}

function figuresTable(current: NetworkFigures, previous: NetworkFigures): ExportTable<FigureLine> {
  return {
    sheetName: 'Kennzahlen',
    columns: [
      { header: 'Kennzahl', kind: 'text', width: 40, value: (l) => l.row.label },
      { header: 'Einheit', kind: 'text', width: 10, value: (l) => unitLabelsDe[l.row.unit] },
      { header: current.period.label, kind: 'decimal', width: 16, value: (l) => l.current },
      { header: previous.period.label, kind: 'decimal', width: 16, value: (l) => l.previous },
      {
        header: 'Veränderung',
        kind: 'decimal',
        width: 14,
        value: (l) =>
          l.current === null || l.previous === null ? null : Math.round((l.current - l.previous) * 100) / 100,
      },
    ],
  };
}

const figureLines = ({ current, previous }: ReportSnapshot): FigureLine[] =>
  FIGURE_ROWS.map((row) => ({ row, current: row.value(current), previous: row.value(previous) }));

const projectsTable: ExportTable<ReportProjectSection> = {
  sheetName: 'Projekte',
  columns: [
    { header: 'Projekt', kind: 'text', width: 40, value: (p) => p.title },
    { header: 'Hervorgehoben', kind: 'text', width: 14, value: (p) => (p.highlight ? 'ja' : 'nein') },
    { header: 'Federführende Kommune', kind: 'text', width: 28, value: (p) => p.leadMunicipality },
    { header: 'Landkreis / kreisfreie Stadt', kind: 'text', width: 28, value: (p) => p.district },
    { header: 'Kategorie', kind: 'text', width: 22, value: (p) => projectCategoryLabelsDe[p.category] },
    { header: 'Phase', kind: 'text', width: 14, value: (p) => projectPhaseLabelsDe[p.phase] },
    { header: 'Fortschritt (%)', kind: 'integer', width: 14, value: (p) => p.progressPercent },
    { header: 'Sachstände im Zeitraum', kind: 'integer', width: 12, value: (p) => p.statusUpdates.length },
    {
      header: 'Letzter Sachstand',
      kind: 'date',
      width: 14,
      value: (p) => p.statusUpdates.at(-1)?.reportedOn,
    },
    { header: 'Sachstand', kind: 'text', width: 60, value: (p) => p.statusUpdates.at(-1)?.text },
    { header: 'Meilensteine fällig', kind: 'integer', width: 12, value: (p) => p.milestones.length },
    {
      header: 'Meilensteine erreicht',
      kind: 'integer',
      width: 12,
      value: (p) => p.milestones.filter((m) => m.done).length,
    },
  ],
};

/** The report's figures (with the comparison) and its projects as an XLSX workbook; numbers as numbers. */
export function reportXlsx(snapshot: ReportSnapshot): Promise<Buffer> {
  return toXlsxBuffer([
    sheetOf(figuresTable(snapshot.current, snapshot.previous), figureLines(snapshot)),
    sheetOf(projectsTable, snapshot.projects),
  ]);
}

/** The report's figures with the comparison as CSV for German Excel. */
export function reportFiguresCsv(snapshot: ReportSnapshot): string {
  return toCsv(figuresTable(snapshot.current, snapshot.previous), figureLines(snapshot));
}

/** The report's projects as CSV for German Excel. */
export function reportProjectsCsv(snapshot: ReportSnapshot): string {
  return toCsv(projectsTable, snapshot.projects);
}
