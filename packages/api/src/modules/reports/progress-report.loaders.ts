import DataLoader from 'dataloader';
import { byIdLoader, groupedLoader, type LoaderFactory } from '../../graphql/loaders';
import { ProgressReport } from './progress-report.entity';
import { reportContent } from './progress-report.service';
import type { ReportSnapshot } from './report-snapshot';

export const progressReportById = byIdLoader(ProgressReport);

/** The versions that correct a report, by the id of the report they correct. */
export const correctionsByReportId = groupedLoader(
  ProgressReport,
  'previousVersionId',
  (r) => r.previousVersionId as string,
  'version',
);

/** What a report shows (its snapshot, or computed for a draft), once per report and request. */
export const contentOfReport: LoaderFactory<ProgressReport, ReportSnapshot> = (dataSource) =>
  new DataLoader<ProgressReport, ReportSnapshot, string>(
    async (reports) => {
      const contents: ReportSnapshot[] = [];
      for (const report of reports) contents.push(await reportContent(dataSource.manager, report));
      return contents;
    },
    { cacheKeyFn: (report) => report.id },
  );
