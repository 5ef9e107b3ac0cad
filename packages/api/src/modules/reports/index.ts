/** The public face of the reports module: the network's figures and the progress reports. */
export { compareWithPrevious, computeNetworkFigures } from './network-figures.service';
export { CategoryCount, NetworkFigures, PhaseCount } from './network-figures.types';
export { ProgressReport } from './progress-report.entity';
export { progressReportById } from './progress-report.loaders';
export { can as canProgressReport, readableReportsSql } from './progress-report.policy';
export { ProgressReportResolver } from './progress-report.resolver';
