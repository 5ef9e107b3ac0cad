/*
 * The projects module's public face: what other modules may use. Everything else in this folder is
 * the module's own business (its tables included).
 */
export { Project } from './project.entity';
export type { ViewerParentPage } from './project.loaders';
export { projectById } from './project.loaders';
export type { ProjectState } from './project.policy';
export { projectPolicy, projectReadFilter } from './project.policy';
export {
  leadsAProject,
  readableProject,
  readableProjectIds,
  readableProjects,
  readableProjectsById,
} from './project.readable';
export { searchProjects } from './project.search';
export { participantsByProject } from './project.loaders';
export { projectReadableSql } from './project.policy';
export type { ProjectParticipant } from './project-details.entity';
