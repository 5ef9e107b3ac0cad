import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  discussionLimits,
  ErrorCode,
  limits,
  meetingLimits,
  NotificationType,
  officerImport,
  ProjectCategory,
  ProjectPhase,
  projectLimits,
  reportLimits,
} from '@hub/shared';
import type {
  ASTVisitor,
  FieldNode,
  GraphQLField,
  GraphQLNamedType,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { GraphQLError, getNamedType, getNullableType, isListType, isObjectType, Kind } from 'graphql';
import { DASHBOARD_LIST_SIZE } from '../modules/dashboard/dashboard.resolver';

/**
 * Limits every GraphQL operation must stay within. Depth, aliases, directives and cost are counted
 * on the operation with its fragments expanded, so spreading a fragment never hides anything.
 */
export const QUERY_LIMITS = {
  depth: 12,
  aliases: 30,
  /** The web app uses none; a few `@include`/`@skip` fit, a pile of repeated directives does not. */
  directives: 5,
  /**
   * Roughly the number of field resolutions the operation may cause (see `operationCost`). The
   * web app's largest page, a meeting with agenda, outcomes and minutes revisions, is near 26 000
   * at the sizes of LIST_SIZES; the 71³ children/parent recursion that once ran out of memory is
   * far above.
   */
  cost: 50_000,
  tokens: 5_000,
} as const;

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}

/** graphql-armor's rules report through `context.reportError` (throwing would skip Apollo's error handling). */
const report = (message: string) => ({
  propagateOnRejection: false,
  // The context is null only outside validation (graphql-armor's envelop plugins); never here.
  onReject: [(context: ValidationContext | null) => context?.reportError(limitError(message))],
});

/**
 * Rejects operations nested deeper than `QUERY_LIMITS.depth`. The standard introspection query
 * under `__schema` nests deeper (its TypeRef fragment); graphql-js's MaxIntrospectionDepthRule
 * guards that subtree against the nested `fields { type { fields … } }` bomb instead.
 */
export const depthLimitRule: ValidationRule = maxDepthRule({
  n: QUERY_LIMITS.depth,
  flattenFragments: true,
  ignoreIntrospection: true,
  ...report(`Query is nested deeper than ${QUERY_LIMITS.depth} levels.`),
});

/** Rejects operations with more than `QUERY_LIMITS.aliases` aliases (alias-based batching attacks). */
export const aliasLimitRule: ValidationRule = maxAliasesRule({
  n: QUERY_LIMITS.aliases,
  // Aliased `__typename`s cost nothing to resolve, but they still count.
  allowList: [],
  ...report(`Query uses more than ${QUERY_LIMITS.aliases} aliases.`),
});

/** Rejects operations with more than `QUERY_LIMITS.directives` directives ("directive overloading"). */
export const directiveLimitRule: ValidationRule = maxDirectivesRule({
  n: QUERY_LIMITS.directives,
  ...report(`Query uses more than ${QUERY_LIMITS.directives} directives.`),
});

/**
 * How many items a list field that is not a connection returns at most, by `Type.field`: the
 * cost rule multiplies everything selected below it by this number. A test checks that every
 * list field of the schema is here, so a new one cannot slip in at the cost of one.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  // The start pages' lists show a few entries each (their counts say how many there are).
  'OfficerDashboard.profileChecks': 4,
  'OfficerDashboard.actionItems': DASHBOARD_LIST_SIZE.actionItems,
  'OfficerDashboard.upcomingMeetings': DASHBOARD_LIST_SIZE.meetings,
  'OfficerDashboard.staleProjects': DASHBOARD_LIST_SIZE.projects,
  'OfficerDashboard.adoptedProjectsLikeOurs': DASHBOARD_LIST_SIZE.projects,
  'OfficerDashboard.workingGroupActivity': DASHBOARD_LIST_SIZE.activity,
  'CoordinatorDashboard.minutesAwaitingApproval': DASHBOARD_LIST_SIZE.workQueue,
  'CoordinatorDashboard.meetingsWithUnansweredInvitations': DASHBOARD_LIST_SIZE.workQueue,
  'CoordinatorDashboard.failedDeliveries': DASHBOARD_LIST_SIZE.workQueue,
  'CoordinatorDashboard.networkActivity': DASHBOARD_LIST_SIZE.networkActivity,
  // One entry per phase, per category, per Landkreis and kreisfreie Stadt (36).
  'MinistryDashboard.projectsByPhase': Object.keys(ProjectPhase).length,
  'MinistryDashboard.projectsByCategory': Object.keys(ProjectCategory).length,
  'MinistryDashboard.projectsByDistrict': 36,
  // The earlier versions shown of an edited post.
  'DiscussionPost.revisions': discussionLimits.revisionsShown,
  // Decisions, action items and information recorded under one agenda item.
  'AgendaItem.outcomes': 5,
  // The fields one audited change touched (a record's snapshot).
  'AuditEvent.changes': 30,
  // Every event type (domain-event.types.ts) and every kind of subject.
  'AuditTrailVocabulary.actions': 150,
  'AuditTrailVocabulary.subjectTypes': 30,
  'CreateProjectPayload.similarProjects': projectLimits.similar.default,
  // Network initiatives: supporters and pilots are member municipalities (60+), a round weighs at
  // most 30 proposals, a dot-voting distribution has one value per points 0…100.
  'Initiative.fundingProgrammes': 10,
  'Initiative.relatedProjects': 20,
  'Initiative.supporters': 100,
  'Initiative.history': 20,
  'Initiative.rounds': 10,
  'Initiative.pilotApplications': 100,
  'Outcome.initiatives': 30,
  'PrioritisationRound.initiatives': 30,
  'RoundResult.entries': 30,
  'RoundResultEntry.distribution': 101,
  'RoundBallotView.votes': 30,
  'DecideInitiativesPayload.initiatives': 30,
  'ProposeInitiativePayload.similarProjects': 5,
  'Query.similarProjectsForInitiative': 10,
  'ImportOfficersPayload.created': officerImport.maxRows,
  'ImportOfficersPayload.rows': officerImport.maxRows,
  'Meeting.agendaItems': meetingLimits.agendaItems.max,
  // Everyone of the network may be invited: 50+ municipalities with a few officers each.
  'Meeting.invitations': 300,
  // Published minutes are corrected now and then, not often.
  'Meeting.minutesRevisions': 5,
  'Meeting.openActionItems': 50,
  'Meeting.outcomes': 100,
  'MeetingMinutes.itemNotes': meetingLimits.agendaItems.max,
  'MinutesRevision.itemNotes': meetingLimits.agendaItems.max,
  'MinutesRevision.outcomes': 100,
  // The largest Verbandsgemeinde of the directory has 71 Ortsgemeinden.
  'Municipality.children': 71,
  'Municipality.officers': 10,
  'Municipality.workingGroups': 30,
  'NetworkMembership.history': 20,
  // 24 Landkreise and 12 kreisfreie Städte.
  'NetworkStatistics.byDistrict': 36,
  'NetworkStatistics.locations': 300,
  // At most one problem per column.
  'NetworkFigures.projectsByCategory': 10,
  'NetworkFigures.projectsByDistrict': 36,
  'NetworkFigures.projectsByPhase': 7,
  // A report's project sections: the projects active in the period (a few hundred in a big year).
  'ProgressReport.projects': 300,
  'ProgressReport.sections': reportLimits.sections.max,
  'Query.networkFigureSeries': reportLimits.seriesQuarters.max,
  // Status updates and milestones of one project within one period.
  'ReportProjectSectionView.milestones': 10,
  'ReportProjectSectionView.statusUpdates': 10,
  'OfficerImportRow.errors': Object.keys(officerImport.columns).length,
  // The operator fields an imprint needs (privacy.service.ts).
  'OperatorDetails.missingSettings': 9,
  // The projects an outcome links to.
  'Outcome.projects': 5,
  'OutcomeSnapshot.projects': 5,
  'ParticipationReport.byMunicipality': 300,
  'ParticipationReport.byWorkingGroup': 30,
  // One per personal-data registry entry and per retention rule.
  'ProcessingRecord.activities': 60,
  'ProcessingRecord.retention': 30,
  'Project.adopters': 50,
  'Project.contacts': projectLimits.maxContacts,
  'Project.costs': projectLimits.maxLineItems,
  'Project.funding': projectLimits.maxLineItems,
  'Project.lineage': 10,
  'Project.milestones': projectLimits.maxMilestones,
  'Project.participants': projectLimits.maxPartners + 1,
  'Project.statusUpdates': 50,
  'ProjectFacets.categories': 10,
  'ProjectFacets.districts': 36,
  'ProjectFacets.hasCosts': 2,
  'ProjectFacets.openSource': 2,
  'ProjectFacets.phases': 7,
  'ProjectFacets.reusable': 2,
  'ProjectNetworkFigures.adoptionsByCategory': 10,
  'ProjectNetworkFigures.mostReused': 5,
  'Query.nodes': 100,
  'Query.forumCategories': discussionLimits.forumCategories.max,
  // One per notification type (NotificationType).
  'Query.notificationPreferences': Object.keys(NotificationType).length,
  'SetNotificationPreferencePayload.preferences': Object.keys(NotificationType).length,
  // One per kind of open step (OpenStepKind).
  'Query.viewerOpenSteps': 4,
  // One group per kind of SearchKind, each with at most the largest page of hits.
  'Query.search': 6,
  'Query.searchKinds': 6,
  'SearchGroup.hits': limits.search.perKind.max,
  'Query.similarProjects': projectLimits.similar.max,
  'WorkingGroup.leads': 10,
  'WorkingGroup.members': 300,
  'WorkingGroup.membershipHistory': 600,
  'WorkingGroup.pendingRequests': 100,
};

/** Lists of user errors are as long as the input has fields at most. */
const USER_ERRORS_SIZE = 20;
/** An unknown list counts as a full page: a forgotten entry in LIST_SIZES errs on the safe side. */
const UNKNOWN_LIST_SIZE = limits.pageSize.max;

export function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();
}

/** `first`/`last` as written, the largest page for a variable, the default page when absent. */
function pageSize(node: FieldNode, fallback: number): number {
  const arg = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!arg) return fallback;
  if (arg.value.kind === Kind.INT) return Math.max(1, Number(arg.value.value));
  return limits.pageSize.max;
}

/** How many times the selection below a field is resolved for one resolution of the field. */
function multiplierOf(
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
): number {
  const named = getNamedType(field.type);
  if (isConnectionType(named)) return pageSize(node, limits.pageSize.default);
  if (!isListType(getNullableType(field.type))) return 1;
  // A connection's edges are its page, counted on the connection field already.
  if (isConnectionType(parent)) return 1;
  if (parent.name === 'Query' && field.name === 'nodes') {
    const ids = node.arguments?.find((a) => a.name.value === 'ids');
    if (ids?.value.kind === Kind.LIST) return Math.max(1, ids.value.values.length);
  }
  const estimate =
    LIST_SIZES[`${parent.name}.${field.name}`] ??
    (field.name === 'userErrors' ? USER_ERRORS_SIZE : UNKNOWN_LIST_SIZE);
  return field.args.some((a) => a.name === 'first') ? pageSize(node, estimate) : estimate;
}

/** The fields a selection resolves, by parent type and response key, as execution merges them. */
type FieldGroups = Map<string, { type: GraphQLNamedType; nodes: FieldNode[] }>;

/** Thrown to stop counting once an operation is known to be too expensive. */
const ABOVE_LIMIT = Symbol('above the cost limit');

/**
 * The cost of an operation: every field resolution costs 1, and whatever is selected below a
 * list is multiplied by the list's size (a connection's `first`/`last`, default page size when
 * absent; `LIST_SIZES` for plain lists). Fragments are expanded and fields merged by response key
 * as execution does, so a field that two colocated fragments both select counts once. Counting
 * stops a little above `QUERY_LIMITS.cost`. Introspection counts 1 per meta-field: graphql-js's
 * MaxIntrospectionDepthRule and the depth limit bound it.
 */
export function operationCost(context: ValidationContext, operation: OperationDefinitionNode): number {
  const schema = context.getSchema();
  let cost = 0;

  const collect = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType,
    groups: FieldGroups,
    spread: Set<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = `${type.name}.${selection.alias?.value ?? selection.name.value}`;
        const group = groups.get(key);
        if (group) group.nodes.push(selection);
        else groups.set(key, { type, nodes: [selection] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        collect(selection.selectionSet, condition ?? type, groups, spread);
      } else {
        // Like execution, a fragment spread twice into one selection is expanded once; unknown
        // fragments and cycles are graphql-js's own rules' business (a cycle ends at the limit).
        const fragment = context.getFragment(selection.name.value);
        if (!fragment || spread.has(fragment.name.value)) continue;
        spread.add(fragment.name.value);
        const condition = schema.getType(fragment.typeCondition.name.value);
        collect(fragment.selectionSet, condition ?? type, groups, spread);
      }
    }
  };

  const walk = (selectionSets: SelectionSetNode[], type: GraphQLNamedType, factor: number): void => {
    const groups: FieldGroups = new Map();
    const spread = new Set<string>();
    for (const selectionSet of selectionSets) collect(selectionSet, type, groups, spread);
    for (const { type: parent, nodes } of groups.values()) {
      cost += factor;
      if (cost > QUERY_LIMITS.cost) throw ABOVE_LIMIT;
      const fields = 'getFields' in parent ? parent.getFields() : {};
      const field = fields[nodes[0].name.value] as GraphQLField<unknown, unknown> | undefined;
      const below = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      if (field && below.length)
        walk(below, getNamedType(field.type), factor * multiplierOf(parent, field, nodes[0]));
    }
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  try {
    walk([operation.selectionSet], root, 1);
  } catch (error) {
    if (error !== ABOVE_LIMIT) throw error;
  }
  return cost;
}

/** Rejects operations whose `operationCost` is above `QUERY_LIMITS.cost`. */
export function costLimitRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (operationCost(context, operation) > QUERY_LIMITS.cost)
        context.reportError(
          limitError(`Query is too expensive (estimated cost above ${QUERY_LIMITS.cost}).`),
        );
    },
  };
}

/** Every limit rule, for Apollo Server's `validationRules`. */
export const queryLimitRules: readonly ValidationRule[] = [
  depthLimitRule,
  aliasLimitRule,
  directiveLimitRule,
  costLimitRule,
];
