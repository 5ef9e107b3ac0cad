import { ProgressReportStatus, Role, ThreadSubjectType } from '@hub/shared';
import { toGlobalId } from '../../graphql/relay';
import { initiativeById, initiativePolicy, initiativeReadableSql } from '../initiatives';
import { meetingById, meetingPolicy, meetingReadableSql } from '../meetings';
import type { ProjectState } from '../projects';
import { participantsByProject, projectById, projectPolicy, projectReadableSql } from '../projects';
import { canProgressReport, type ProgressReport, progressReportById } from '../reports';
import type { WorkingGroupState } from '../working-groups';
import {
  currentMembershipsByGroupId,
  workingGroupById,
  workingGroupInternalReadableSql,
  workingGroupPolicy,
} from '../working-groups';
import { forumCategoryById } from './discussion.loaders';
import { registerThreadSubject } from './thread-subjects';

// A project's threads: whoever may read the project (and is signed in).
registerThreadSubject(ThreadSubjectType.PROJECT, {
  async load(loaders, id) {
    const project = await loaders.get(projectById).load(id);
    if (!project) return null;
    const participants = await loaders.get(participantsByProject).load(id);
    return {
      state: { project, participants } satisfies ProjectState,
      title: project.title,
      globalId: toGlobalId('Project', id),
      open: true,
    };
  },
  canRead: (viewer, state) => projectPolicy.can(viewer, 'read', state as ProjectState),
  readableSql: projectReadableSql,
});

// A working group's threads are internal: its active members and the coordinators.
registerThreadSubject(ThreadSubjectType.WORKING_GROUP, {
  async load(loaders, id) {
    const group = await loaders.get(workingGroupById).load(id);
    if (!group) return null;
    const current = await loaders.get(currentMembershipsByGroupId).load(id);
    return {
      state: { group, current } satisfies WorkingGroupState,
      title: group.name,
      globalId: toGlobalId('WorkingGroup', id),
      open: group.archivedAt === null,
    };
  },
  canRead: (viewer, state) => workingGroupPolicy.can(viewer, 'readInternal', state as WorkingGroupState),
  readableSql: workingGroupInternalReadableSql,
});

// A meeting's threads (its agenda and outcomes included): whoever may read the meeting.
registerThreadSubject(ThreadSubjectType.MEETING, {
  async load(loaders, id) {
    const meeting = await loaders.get(meetingById).load(id);
    if (!meeting) return null;
    return {
      state: meeting,
      title: meeting.title,
      globalId: toGlobalId('Meeting', id),
      open: !meeting.cancelled,
    };
  },
  canRead: (viewer) => meetingPolicy.can(viewer, 'read'),
  readableSql: meetingReadableSql,
});

// The network forum: every signed-in member of the network and the ministry.
registerThreadSubject(ThreadSubjectType.FORUM, {
  async load(loaders, id) {
    const category = await loaders.get(forumCategoryById).load(id);
    if (!category) return null;
    return {
      state: category,
      title: category.name,
      globalId: toGlobalId('ForumCategory', id),
      open: category.archivedAt === null,
    };
  },
  canRead: () => true,
  readableSql: (categoryId) =>
    `EXISTS (SELECT 1 FROM discussion_forum_category rfc WHERE rfc.id = ${categoryId})`,
});

// A progress report's thread (the ministry comments there): whoever may read the report —
// coordinators every version, everyone else signed in the published ones.
registerThreadSubject(ThreadSubjectType.REPORT, {
  async load(loaders, id) {
    const report = await loaders.get(progressReportById).load(id);
    if (!report) return null;
    return {
      state: report,
      title: report.title,
      globalId: toGlobalId('ProgressReport', id),
      open: true,
    };
  },
  canRead: (viewer, state) => canProgressReport(viewer, 'read', { report: state as ProgressReport }),
  readableSql: (reportId, viewer) =>
    `EXISTS (SELECT 1 FROM progress_report rpr WHERE rpr.id = ${reportId}
       AND (${viewer.role} = '${Role.COORDINATOR}' OR rpr.status = '${ProgressReportStatus.PUBLISHED}'))`,
});

// An initiative's thread (its discussion as a proposal and beyond): every signed-in person, like
// the initiative itself.
registerThreadSubject(ThreadSubjectType.INITIATIVE, {
  async load(loaders, id) {
    const initiative = await loaders.get(initiativeById).load(id);
    if (!initiative) return null;
    return {
      state: initiative,
      title: initiative.title,
      globalId: toGlobalId('Initiative', id),
      open: true,
    };
  },
  canRead: (viewer) => initiativePolicy.can(viewer, 'read'),
  readableSql: (initiativeId) => initiativeReadableSql(initiativeId),
});
