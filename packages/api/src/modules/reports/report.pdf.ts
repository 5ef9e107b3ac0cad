import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProgressReportStatus, projectCategoryLabelsDe, projectPhaseLabelsDe } from '@hub/shared';
import type Pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { sanitizer } from '../../markdown';
import type { NetworkFigures } from './network-figures.types';
import { FIGURE_ROWS, formatChange, formatFigure } from './report-figures';
import type { ReportSnapshot } from './report-snapshot';

/** What the PDF says about the report beyond its content. */
export interface ReportPdfMeta {
  status: ProgressReportStatus;
  version: number;
  publishedAt: Date | null;
}

// The hub's own typeface (the web app's Fira Sans from the KERN design system). KERN ships it as
// WOFF2 only, whose glyph tables fontkit cannot subset, so it is unpacked to TrueType once.
const FONT_FILES = {
  normal: 'FiraSans-Regular',
  bold: 'FiraSans-Bold',
  italics: 'FiraSans-Italic',
  bolditalics: 'FiraSans-BoldItalic',
};
let fontsReady: Promise<void> | null = null;

/**
 * pdfmake with its PDF engine and font parser (about a tenth of a second to load): only the first
 * report PDF pays for it, not every start. A plain require (cached after the first), which works
 * alike under node, tsx and jest.
 */
function pdfmakeModule(): typeof Pdfmake {
  const loaded = require('pdfmake') as typeof Pdfmake & { default?: typeof Pdfmake };
  return loaded.default ?? loaded;
}

function loadFonts(): Promise<void> {
  fontsReady ??= (async () => {
    const pdfmake = pdfmakeModule();
    const { decompress } = require('wawoff2') as typeof import('wawoff2');
    // pdfmake's virtual file system (where fonts are looked up by name) is missing from its typings.
    const virtualFiles = (
      pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }
    ).virtualfs;
    const dir = path.dirname(require.resolve('@kern-ux/native/dist/fonts/fira-sans/FiraSans-Regular.woff2'));
    const descriptor: Record<string, string> = {};
    for (const [style, name] of Object.entries(FONT_FILES)) {
      const ttf = await decompress(await readFile(path.join(dir, `${name}.woff2`)));
      virtualFiles.writeFileSync(`${name}.ttf`, Buffer.from(ttf));
      descriptor[style] = `${name}.ttf`;
    }
    pdfmake.setFonts({ FiraSans: descriptor as never });
    // Reports embed nothing from disk or the web: every resource is in the virtual file system.
    pdfmake.setLocalAccessPolicy(() => false);
    pdfmake.setUrlAccessPolicy(() => false);
  })();
  return fontsReady;
}

const COLOURS = {
  current: '#1a3da5',
  previous: '#8d93b5',
  text: '#1f2937',
  muted: '#4b5563',
  rule: '#a5aac3',
};

const dateDe = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Berlin',
});
const isoToDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Sanitised HTML of a narrative section as paragraphs of plain text (headings and lists kept as lines). */
function htmlToParagraphs(html: string): string[] {
  const text = sanitizer()(html.replace(/<\/(p|h\d|li|pre|blockquote|tr)>/g, '\n\n').replace(/<li>/g, '• '), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function heading(text: string, level: 1 | 2 = 1): Content {
  return level === 1
    ? { text, style: 'h1', tocItem: true, pageBreak: 'before' }
    : { text, style: 'h2', tocItem: true, tocMargin: [16, 0, 0, 0] };
}

function figuresTable(current: NetworkFigures, previous: NetworkFigures): Content {
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto'],
      body: [
        [
          { text: 'Kennzahl', style: 'th' },
          { text: current.period.label, style: 'th', alignment: 'right' },
          { text: previous.period.label, style: 'th', alignment: 'right' },
          { text: 'Veränderung', style: 'th', alignment: 'right' },
        ],
        ...FIGURE_ROWS.map((row) => {
          const now = row.value(current);
          const before = row.value(previous);
          return [
            row.label,
            { text: formatFigure(row.unit, now), alignment: 'right' },
            { text: formatFigure(row.unit, before), alignment: 'right' },
            { text: formatChange(row.unit, now, before), alignment: 'right' },
          ];
        }),
      ],
    },
    layout: 'lightHorizontalLines',
  } as Content;
}

/**
 * A horizontal bar chart drawn as vectors: per line a label, a bar for the period and one for the
 * period before, and both numbers as text, so nothing is told by colour alone.
 */
function barChart(
  title: string,
  bars: { label: string; current: number; previous: number }[],
  labels: [string, string],
): Content {
  const max = Math.max(1, ...bars.flatMap((b) => [b.current, b.previous]));
  const width = 220;
  return {
    stack: [
      { text: title, style: 'h3' },
      {
        text: [
          { text: '■ ', color: COLOURS.current },
          `${labels[0]} (oberer Balken)   `,
          { text: '■ ', color: COLOURS.previous },
          `${labels[1]} (unterer Balken)`,
        ],
        style: 'muted',
        margin: [0, 0, 0, 6],
      },
      ...bars.map((bar) => ({
        columns: [
          { text: bar.label, width: 150, fontSize: 9 },
          {
            width: width + 4,
            canvas: [
              {
                type: 'rect',
                x: 0,
                y: 1,
                w: Math.max(1, (bar.current / max) * width),
                h: 7,
                color: COLOURS.current,
              },
              {
                type: 'rect',
                x: 0,
                y: 10,
                w: Math.max(1, (bar.previous / max) * width),
                h: 7,
                color: COLOURS.previous,
              },
            ],
          },
          { text: `${bar.current} (${bar.previous})`, width: '*', fontSize: 9 },
        ],
        margin: [0, 0, 0, 4],
      })),
    ],
    margin: [0, 0, 0, 14],
    unbreakable: true,
  } as Content;
}

function projectSection(project: ReportSnapshot['projects'][number]): Content[] {
  const facts = [
    project.leadMunicipality,
    project.district !== project.leadMunicipality ? project.district : null,
    projectCategoryLabelsDe[project.category],
    `Phase: ${projectPhaseLabelsDe[project.phase]}`,
    project.progressPercent !== null ? `Fortschritt ${project.progressPercent} %` : null,
  ].filter(Boolean);
  return [
    heading(`${project.highlight ? '★ ' : ''}${project.title}`, 2),
    { text: facts.join(' · '), style: 'muted', margin: [0, 0, 0, 4] },
    ...(project.statusUpdates.length
      ? [
          { text: 'Sachstand', bold: true, margin: [0, 2, 0, 2] },
          {
            ul: project.statusUpdates.map(
              (u) =>
                `${isoToDe(u.reportedOn)} (${projectPhaseLabelsDe[u.phase]}, ${u.progressPercent} %): ${u.text}`,
            ),
          },
        ]
      : []),
    ...(project.milestones.length
      ? [
          { text: 'Meilensteine', bold: true, margin: [0, 4, 0, 2] },
          {
            ul: project.milestones.map(
              (m) =>
                `${m.dueDate ? `${isoToDe(m.dueDate)}: ` : ''}${m.title} – ${m.done ? 'erreicht' : 'offen'}`,
            ),
          },
        ]
      : []),
  ] as Content[];
}

/** The document: title page, contents, figures with comparison, charts, narrative, project sections. */
export function reportDocument(snapshot: ReportSnapshot, meta: ReportPdfMeta): TDocumentDefinitions {
  const { current, previous } = snapshot;
  const labels: [string, string] = [current.period.label, previous.period.label];
  const state =
    meta.status === ProgressReportStatus.PUBLISHED && meta.publishedAt
      ? `Veröffentlicht am ${dateDe.format(meta.publishedAt)}`
      : 'Entwurf – nicht veröffentlicht';
  const highlights = snapshot.projects.filter((p) => p.highlight);
  return {
    info: {
      title: snapshot.title,
      author: 'Digitale Städte Rheinland-Pfalz',
      subject: `Fortschrittsbericht ${current.period.label}`,
    },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: 'FiraSans', fontSize: 10, color: COLOURS.text, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 26, bold: true, margin: [0, 160, 0, 12] },
      subtitle: { fontSize: 14, margin: [0, 0, 0, 6] },
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 4, 0, 4] },
      th: { bold: true },
      muted: { color: COLOURS.muted, fontSize: 9 },
    },
    footer: (page: number, pages: number) =>
      page === 1
        ? null
        : {
            text: `${snapshot.title} · Seite ${page} von ${pages}`,
            alignment: 'center',
            style: 'muted',
            margin: [0, 20, 0, 0],
          },
    content: [
      {
        text: 'Digitale Städte Rheinland-Pfalz',
        style: 'subtitle',
        color: COLOURS.muted,
        margin: [0, 0, 0, 0],
      },
      { text: snapshot.title, style: 'title' },
      {
        text: `Berichtszeitraum ${current.period.label}: ${isoToDe(current.period.startsOn)} bis ${isoToDe(current.period.endsOn)}`,
        style: 'subtitle',
      },
      { text: `Version ${meta.version} · ${state}`, style: 'subtitle' },
      {
        text: `Verglichen mit ${previous.period.label}. Zeiten in der Zeitzone Europe/Berlin.`,
        style: 'muted',
        margin: [0, 24, 0, 0],
      },
      { toc: { title: { text: 'Inhalt', style: 'h1' } }, pageBreak: 'before' },
      heading('1. Kennzahlen'),
      {
        text: `Das Netzwerk zählte am Ende von ${current.period.label} ${formatFigure('count', current.memberCount)} Mitgliedskommunen und ${formatFigure('count', current.projectCount)} veröffentlichte Projekte.`,
        margin: [0, 0, 0, 8],
      },
      figuresTable(current, previous),
      heading('2. Diagramme'),
      barChart(
        'Projekte nach Phase',
        current.projectsByPhase.map((p, i) => ({
          label: projectPhaseLabelsDe[p.phase],
          current: p.count,
          previous: previous.projectsByPhase[i]?.count ?? 0,
        })),
        labels,
      ),
      barChart(
        'Projekte nach Kategorie',
        current.projectsByCategory.map((c, i) => ({
          label: projectCategoryLabelsDe[c.category],
          current: c.count,
          previous: previous.projectsByCategory[i]?.count ?? 0,
        })),
        labels,
      ),
      barChart(
        'Projekte nach Landkreis (die zehn größten)',
        current.projectsByDistrict.slice(0, 10).map((d) => ({
          label: d.name,
          current: d.count,
          previous: previous.projectsByDistrict.find((p) => p.districtId === d.districtId)?.count ?? 0,
        })),
        labels,
      ),
      ...(snapshot.sections.length ? [heading('3. Bericht')] : []),
      ...snapshot.sections.flatMap((section) => [
        heading(section.title, 2),
        ...htmlToParagraphs(section.html).map((text) => ({ text, margin: [0, 0, 0, 6] }) as Content),
      ]),
      heading(`${snapshot.sections.length ? 4 : 3}. Projekte im Zeitraum`),
      {
        text: `${snapshot.projects.length} Projekte mit Sachstand oder Meilenstein im Zeitraum${highlights.length ? `, davon ${highlights.length} hervorgehoben (★)` : ''}.`,
        margin: [0, 0, 0, 6],
      },
      ...snapshot.projects.flatMap(projectSection),
    ],
  };
}

/** The report as a PDF (fonts embedded, text extractable). */
export async function renderReportPdf(snapshot: ReportSnapshot, meta: ReportPdfMeta): Promise<Buffer> {
  await loadFonts();
  return pdfmakeModule().createPdf(reportDocument(snapshot, meta)).getBuffer();
}
