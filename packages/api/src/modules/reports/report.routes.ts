import { periodLabelDe } from '@hub/shared';
import type { Express, Response } from 'express';
import type { DataSource } from 'typeorm';
import { isUuid, maybeIdOf } from '../../graphql/relay';
import type { Logger } from '../../logger';
import { answeredBadParameter, pathParam } from '../../server/route-params';
import { sessionFromRequest } from '../auth';
import { ProgressReport } from './progress-report.entity';
import { can } from './progress-report.policy';
import { periodOf, reportContent } from './progress-report.service';
import { renderReportPdf } from './report.pdf';
import { reportFiguresCsv, reportProjectsCsv, reportXlsx } from './report.spreadsheets';

const FORMATS = {
  'fortschrittsbericht.pdf': 'application/pdf',
  'fortschrittsbericht.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'kennzahlen.csv': 'text/csv; charset=utf-8',
  'projekte.csv': 'text/csv; charset=utf-8',
} as const;
type FileName = keyof typeof FORMATS;

/** "fortschrittsbericht-q1-2026-v2.pdf": the download's name, by period and version. */
function downloadName(report: ProgressReport, file: FileName): string {
  const [base, extension] = file.split('.');
  const period = periodLabelDe(periodOf(report))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `${base}-${period}-v${report.version}.${extension}`;
}

/**
 * `GET /api/reports/<global ID>/<file>`: a progress report as PDF, XLSX or CSV (figures or
 * projects). Read like the report itself (session cookie): published reports for every signed-in
 * person, drafts for coordinators; 404 for everyone else, so drafts stay unseen. A published
 * report's files come from its frozen snapshot.
 */
export function registerReportRoutes(
  app: Express,
  { dataSource, log }: { dataSource: DataSource; log: Logger },
): void {
  app.get('/api/reports/:id/:file', async (req, res: Response) => {
    try {
      const file = pathParam(req, 'file');
      const id = maybeIdOf(pathParam(req, 'id'), 'ProgressReport');
      const session = (await sessionFromRequest(dataSource, req)).resumed;
      const report =
        id && isUuid(id) && file in FORMATS
          ? await dataSource.getRepository(ProgressReport).findOneBy({ id })
          : null;
      if (!report || !can(session?.user ?? null, 'read', { report })) {
        res.status(404).type('text/plain').send('There is no such report.');
        return;
      }
      const content = await reportContent(dataSource.manager, report);
      const name = file as FileName;
      let body: Buffer | string;
      if (name === 'fortschrittsbericht.pdf')
        body = await renderReportPdf(content, {
          status: report.status,
          version: report.version,
          publishedAt: report.publishedAt,
        });
      else if (name === 'fortschrittsbericht.xlsx') body = await reportXlsx(content);
      else if (name === 'kennzahlen.csv') body = reportFiguresCsv(content);
      else body = reportProjectsCsv(content);
      res
        .type(FORMATS[name])
        .set('Content-Disposition', `attachment; filename="${downloadName(report, name)}"`)
        .set('Cache-Control', 'private, no-store')
        .send(body);
    } catch (error) {
      if (answeredBadParameter(res, error)) return;
      log.error({ err: error }, 'report download failed');
      res.status(500).type('text/plain').send('Internal server error.');
    }
  });
}
