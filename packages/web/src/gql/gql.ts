/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  query AcceptInvitationPage($token: String!) {\n    tokenInfo(token: $token) {\n      purpose\n      email\n      name\n      expiresAt\n    }\n  }\n": typeof types.AcceptInvitationPageDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  query ResetPasswordPage($token: String!) {\n    tokenInfo(token: $token) {\n      purpose\n      email\n      expiresAt\n    }\n  }\n": typeof types.ResetPasswordPageDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {\n    createWorkingGroup(input: $input) {\n      workingGroup {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateWorkingGroupDocument,
    "\n  fragment WorkingGroupActions_workingGroup on WorkingGroup {\n    id\n    name\n    archived\n    viewerMembership {\n      id\n      role\n      status\n    }\n    viewerCan {\n      requestToJoin\n      leave\n      archive\n    }\n  }\n": typeof types.WorkingGroupActions_WorkingGroupFragmentDoc,
    "\n  mutation RequestToJoinWorkingGroup($input: RequestToJoinWorkingGroupInput!) {\n    requestToJoinWorkingGroup(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RequestToJoinWorkingGroupDocument,
    "\n  mutation LeaveWorkingGroup($input: WorkingGroupIdInput!) {\n    leaveWorkingGroup(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LeaveWorkingGroupDocument,
    "\n  mutation ArchiveWorkingGroup($input: WorkingGroupIdInput!) {\n    archiveWorkingGroup(input: $input) {\n      workingGroup {\n        id\n        archived\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ArchiveWorkingGroupDocument,
    "\n  fragment WorkingGroupCard_workingGroup on WorkingGroup {\n    id\n    name\n    topic\n    description\n    archived\n    memberCount\n    viewerMembership {\n      id\n      role\n      status\n    }\n  }\n": typeof types.WorkingGroupCard_WorkingGroupFragmentDoc,
    "\n  fragment WorkingGroupMembers_workingGroup on WorkingGroup {\n    id\n    memberCount\n    viewerCan {\n      manageMembers\n      appointLead\n    }\n    members {\n      id\n      role\n      joinedAt\n      user {\n        id\n        name\n        position\n        email\n        municipality {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.WorkingGroupMembers_WorkingGroupFragmentDoc,
    "\n  query WorkingGroupPage($id: ID!) {\n    workingGroup(id: $id) {\n      id\n      name\n      topic\n      description\n      goals\n      archived\n      leads {\n        id\n        user {\n          id\n          name\n          municipality {\n            id\n            name\n          }\n        }\n      }\n      ...WorkingGroupActions_workingGroup\n      ...WorkingGroupRequests_workingGroup\n      ...WorkingGroupMembers_workingGroup\n    }\n  }\n": typeof types.WorkingGroupPageDocument,
    "\n  fragment WorkingGroupRequests_workingGroup on WorkingGroup {\n    id\n    pendingRequests {\n      id\n      requestedAt\n      requestNote\n      user {\n        id\n        name\n        position\n        municipality {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.WorkingGroupRequests_WorkingGroupFragmentDoc,
    "\n  query WorkingGroupsPage($first: Int, $after: String, $filter: WorkingGroupFilter) {\n    workingGroups(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...WorkingGroupCard_workingGroup\n        }\n      }\n    }\n  }\n": typeof types.WorkingGroupsPageDocument,
    "\n  mutation AcceptWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {\n    acceptWorkingGroupRequest(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AcceptWorkingGroupRequestDocument,
    "\n  mutation DeclineWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {\n    declineWorkingGroupRequest(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeclineWorkingGroupRequestDocument,
    "\n  mutation AppointWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {\n    appointWorkingGroupLead(input: $input) {\n      membership {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AppointWorkingGroupLeadDocument,
    "\n  mutation DemoteWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {\n    demoteWorkingGroupLead(input: $input) {\n      membership {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DemoteWorkingGroupLeadDocument,
    "\n  mutation RemoveWorkingGroupMember($input: WorkingGroupMembershipIdInput!) {\n    removeWorkingGroupMember(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RemoveWorkingGroupMemberDocument,
    "\n  fragment SessionViewer on User {\n    id\n    name\n    email\n    role\n    locale\n    position\n    organisation\n    municipality {\n      id\n      name\n    }\n  }\n": typeof types.SessionViewerFragmentDoc,
    "\n  query Session {\n    viewer {\n      ...SessionViewer\n    }\n  }\n": typeof types.SessionDocument,
    "\n  mutation SignOut {\n    signOut {\n      success\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SetLocale($input: SetLocaleInput!) {\n    setLocale(input: $input) {\n      viewer {\n        id\n        locale\n      }\n    }\n  }\n": typeof types.SetLocaleDocument,
};
const documents: Documents = {
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  query AcceptInvitationPage($token: String!) {\n    tokenInfo(token: $token) {\n      purpose\n      email\n      name\n      expiresAt\n    }\n  }\n": types.AcceptInvitationPageDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  query ResetPasswordPage($token: String!) {\n    tokenInfo(token: $token) {\n      purpose\n      email\n      expiresAt\n    }\n  }\n": types.ResetPasswordPageDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {\n    createWorkingGroup(input: $input) {\n      workingGroup {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateWorkingGroupDocument,
    "\n  fragment WorkingGroupActions_workingGroup on WorkingGroup {\n    id\n    name\n    archived\n    viewerMembership {\n      id\n      role\n      status\n    }\n    viewerCan {\n      requestToJoin\n      leave\n      archive\n    }\n  }\n": types.WorkingGroupActions_WorkingGroupFragmentDoc,
    "\n  mutation RequestToJoinWorkingGroup($input: RequestToJoinWorkingGroupInput!) {\n    requestToJoinWorkingGroup(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RequestToJoinWorkingGroupDocument,
    "\n  mutation LeaveWorkingGroup($input: WorkingGroupIdInput!) {\n    leaveWorkingGroup(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LeaveWorkingGroupDocument,
    "\n  mutation ArchiveWorkingGroup($input: WorkingGroupIdInput!) {\n    archiveWorkingGroup(input: $input) {\n      workingGroup {\n        id\n        archived\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ArchiveWorkingGroupDocument,
    "\n  fragment WorkingGroupCard_workingGroup on WorkingGroup {\n    id\n    name\n    topic\n    description\n    archived\n    memberCount\n    viewerMembership {\n      id\n      role\n      status\n    }\n  }\n": types.WorkingGroupCard_WorkingGroupFragmentDoc,
    "\n  fragment WorkingGroupMembers_workingGroup on WorkingGroup {\n    id\n    memberCount\n    viewerCan {\n      manageMembers\n      appointLead\n    }\n    members {\n      id\n      role\n      joinedAt\n      user {\n        id\n        name\n        position\n        email\n        municipality {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.WorkingGroupMembers_WorkingGroupFragmentDoc,
    "\n  query WorkingGroupPage($id: ID!) {\n    workingGroup(id: $id) {\n      id\n      name\n      topic\n      description\n      goals\n      archived\n      leads {\n        id\n        user {\n          id\n          name\n          municipality {\n            id\n            name\n          }\n        }\n      }\n      ...WorkingGroupActions_workingGroup\n      ...WorkingGroupRequests_workingGroup\n      ...WorkingGroupMembers_workingGroup\n    }\n  }\n": types.WorkingGroupPageDocument,
    "\n  fragment WorkingGroupRequests_workingGroup on WorkingGroup {\n    id\n    pendingRequests {\n      id\n      requestedAt\n      requestNote\n      user {\n        id\n        name\n        position\n        municipality {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.WorkingGroupRequests_WorkingGroupFragmentDoc,
    "\n  query WorkingGroupsPage($first: Int, $after: String, $filter: WorkingGroupFilter) {\n    workingGroups(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...WorkingGroupCard_workingGroup\n        }\n      }\n    }\n  }\n": types.WorkingGroupsPageDocument,
    "\n  mutation AcceptWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {\n    acceptWorkingGroupRequest(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AcceptWorkingGroupRequestDocument,
    "\n  mutation DeclineWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {\n    declineWorkingGroupRequest(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeclineWorkingGroupRequestDocument,
    "\n  mutation AppointWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {\n    appointWorkingGroupLead(input: $input) {\n      membership {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AppointWorkingGroupLeadDocument,
    "\n  mutation DemoteWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {\n    demoteWorkingGroupLead(input: $input) {\n      membership {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DemoteWorkingGroupLeadDocument,
    "\n  mutation RemoveWorkingGroupMember($input: WorkingGroupMembershipIdInput!) {\n    removeWorkingGroupMember(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RemoveWorkingGroupMemberDocument,
    "\n  fragment SessionViewer on User {\n    id\n    name\n    email\n    role\n    locale\n    position\n    organisation\n    municipality {\n      id\n      name\n    }\n  }\n": types.SessionViewerFragmentDoc,
    "\n  query Session {\n    viewer {\n      ...SessionViewer\n    }\n  }\n": types.SessionDocument,
    "\n  mutation SignOut {\n    signOut {\n      success\n    }\n  }\n": types.SignOutDocument,
    "\n  mutation SetLocale($input: SetLocaleInput!) {\n    setLocale(input: $input) {\n      viewer {\n        id\n        locale\n      }\n    }\n  }\n": types.SetLocaleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AcceptInvitationPage($token: String!) {\n    tokenInfo(token: $token) {\n      purpose\n      email\n      name\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query AcceptInvitationPage($token: String!) {\n    tokenInfo(token: $token) {\n      purpose\n      email\n      name\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResetPasswordPage($token: String!) {\n    tokenInfo(token: $token) {\n      purpose\n      email\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query ResetPasswordPage($token: String!) {\n    tokenInfo(token: $token) {\n      purpose\n      email\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        ...SessionViewer\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {\n    createWorkingGroup(input: $input) {\n      workingGroup {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {\n    createWorkingGroup(input: $input) {\n      workingGroup {\n        id\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkingGroupActions_workingGroup on WorkingGroup {\n    id\n    name\n    archived\n    viewerMembership {\n      id\n      role\n      status\n    }\n    viewerCan {\n      requestToJoin\n      leave\n      archive\n    }\n  }\n"): (typeof documents)["\n  fragment WorkingGroupActions_workingGroup on WorkingGroup {\n    id\n    name\n    archived\n    viewerMembership {\n      id\n      role\n      status\n    }\n    viewerCan {\n      requestToJoin\n      leave\n      archive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestToJoinWorkingGroup($input: RequestToJoinWorkingGroupInput!) {\n    requestToJoinWorkingGroup(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestToJoinWorkingGroup($input: RequestToJoinWorkingGroupInput!) {\n    requestToJoinWorkingGroup(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveWorkingGroup($input: WorkingGroupIdInput!) {\n    leaveWorkingGroup(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveWorkingGroup($input: WorkingGroupIdInput!) {\n    leaveWorkingGroup(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveWorkingGroup($input: WorkingGroupIdInput!) {\n    archiveWorkingGroup(input: $input) {\n      workingGroup {\n        id\n        archived\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveWorkingGroup($input: WorkingGroupIdInput!) {\n    archiveWorkingGroup(input: $input) {\n      workingGroup {\n        id\n        archived\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkingGroupCard_workingGroup on WorkingGroup {\n    id\n    name\n    topic\n    description\n    archived\n    memberCount\n    viewerMembership {\n      id\n      role\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment WorkingGroupCard_workingGroup on WorkingGroup {\n    id\n    name\n    topic\n    description\n    archived\n    memberCount\n    viewerMembership {\n      id\n      role\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkingGroupMembers_workingGroup on WorkingGroup {\n    id\n    memberCount\n    viewerCan {\n      manageMembers\n      appointLead\n    }\n    members {\n      id\n      role\n      joinedAt\n      user {\n        id\n        name\n        position\n        email\n        municipality {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WorkingGroupMembers_workingGroup on WorkingGroup {\n    id\n    memberCount\n    viewerCan {\n      manageMembers\n      appointLead\n    }\n    members {\n      id\n      role\n      joinedAt\n      user {\n        id\n        name\n        position\n        email\n        municipality {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingGroupPage($id: ID!) {\n    workingGroup(id: $id) {\n      id\n      name\n      topic\n      description\n      goals\n      archived\n      leads {\n        id\n        user {\n          id\n          name\n          municipality {\n            id\n            name\n          }\n        }\n      }\n      ...WorkingGroupActions_workingGroup\n      ...WorkingGroupRequests_workingGroup\n      ...WorkingGroupMembers_workingGroup\n    }\n  }\n"): (typeof documents)["\n  query WorkingGroupPage($id: ID!) {\n    workingGroup(id: $id) {\n      id\n      name\n      topic\n      description\n      goals\n      archived\n      leads {\n        id\n        user {\n          id\n          name\n          municipality {\n            id\n            name\n          }\n        }\n      }\n      ...WorkingGroupActions_workingGroup\n      ...WorkingGroupRequests_workingGroup\n      ...WorkingGroupMembers_workingGroup\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkingGroupRequests_workingGroup on WorkingGroup {\n    id\n    pendingRequests {\n      id\n      requestedAt\n      requestNote\n      user {\n        id\n        name\n        position\n        municipality {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WorkingGroupRequests_workingGroup on WorkingGroup {\n    id\n    pendingRequests {\n      id\n      requestedAt\n      requestNote\n      user {\n        id\n        name\n        position\n        municipality {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingGroupsPage($first: Int, $after: String, $filter: WorkingGroupFilter) {\n    workingGroups(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...WorkingGroupCard_workingGroup\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkingGroupsPage($first: Int, $after: String, $filter: WorkingGroupFilter) {\n    workingGroups(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...WorkingGroupCard_workingGroup\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {\n    acceptWorkingGroupRequest(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {\n    acceptWorkingGroupRequest(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {\n    declineWorkingGroupRequest(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {\n    declineWorkingGroupRequest(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {\n    appointWorkingGroupLead(input: $input) {\n      membership {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AppointWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {\n    appointWorkingGroupLead(input: $input) {\n      membership {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoteWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {\n    demoteWorkingGroupLead(input: $input) {\n      membership {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DemoteWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {\n    demoteWorkingGroupLead(input: $input) {\n      membership {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWorkingGroupMember($input: WorkingGroupMembershipIdInput!) {\n    removeWorkingGroupMember(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveWorkingGroupMember($input: WorkingGroupMembershipIdInput!) {\n    removeWorkingGroupMember(input: $input) {\n      membership {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionViewer on User {\n    id\n    name\n    email\n    role\n    locale\n    position\n    organisation\n    municipality {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SessionViewer on User {\n    id\n    name\n    email\n    role\n    locale\n    position\n    organisation\n    municipality {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Session {\n    viewer {\n      ...SessionViewer\n    }\n  }\n"): (typeof documents)["\n  query Session {\n    viewer {\n      ...SessionViewer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      success\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLocale($input: SetLocaleInput!) {\n    setLocale(input: $input) {\n      viewer {\n        id\n        locale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetLocale($input: SetLocaleInput!) {\n    setLocale(input: $input) {\n      viewer {\n        id\n        locale\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;