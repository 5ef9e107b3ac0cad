/** The projects module's public face (what other modules may use). */
export { Project } from './project.entity';
export { participantsByProject, projectById } from './project.loaders';
export { projectPolicy, projectReadableSql } from './project.policy';
export type { ProjectParticipant } from './project-details.entity';
