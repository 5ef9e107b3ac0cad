import type { ThreadSubjectType } from '../../gql/graphql';
import { initiativePaths } from '../initiatives/initiativePaths';
import { meetingPaths } from '../meetings/meetingPaths';
import { projectPaths } from '../projects/projectPaths';
import { reportPaths } from '../reports/reportPaths';
import { workingGroupPaths } from '../working-groups/workingGroupPaths';
import { discussionPaths } from './discussionPaths';

/** The page of a thread's subject, or null for subjects without one here (yet). */
export function subjectPath(type: ThreadSubjectType, id: string): string | null {
  switch (type) {
    case 'PROJECT':
      return projectPaths.detail(id);
    case 'WORKING_GROUP':
      return workingGroupPaths.detail(id);
    case 'MEETING':
      return meetingPaths.detail(id);
    case 'INITIATIVE':
      return initiativePaths.detail(id);
    case 'FORUM':
      return discussionPaths.forumCategory(id);
    case 'REPORT':
      return reportPaths.detail(id);
    default:
      return null;
  }
}
