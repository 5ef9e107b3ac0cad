/*
 * The projects module's public face: what other modules may use. Everything else in this folder is
 * the module's own business (its tables included).
 */

export { projectSummaries, projectTeamUserIds, statusUpdateText } from './project.audience';
export { Project } from './project.entity';
export { projectActivity, projectFigures, publishedProjectIds } from './project.figures';
export type { ViewerParentPage } from './project.loaders';
export { participantsByProject, projectById } from './project.loaders';
export type { NetworkProjectDraft } from './project.network';
export { createNetworkProject } from './project.network';
export {
  adoptedProjectsLikeOurs,
  portfolioFigures,
  projectCountLedBy,
  projectIdsOfWorkingGroups,
  staleProjectsOf,
} from './project.overview';
export type { ProjectState } from './project.policy';
export { projectPolicy, projectReadableSql, projectReadFilter } from './project.policy';
export {
  leadsAProject,
  readableProject,
  readableProjectIds,
  readableProjects,
  readableProjectsById,
} from './project.readable';
export type { SimilarRow } from './project.search';
export { searchProjects, similarProjects } from './project.search';
export type { ProjectParticipant } from './project-details.entity';
