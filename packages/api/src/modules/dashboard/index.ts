/** The dashboards module's public face: the start page of each role. */

export type { DashboardAction } from './dashboard.policy';
export { dashboardPolicy } from './dashboard.policy';
export { dashboardResolvers } from './dashboard.resolver';
