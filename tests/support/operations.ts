import type { TestClient } from './app';

/*
 * GraphQL operations that several test files send, written once. Each returns the payload with
 * its userErrors, so a test reads as the story of what the person did and saw.
 */

export interface PayloadErrors {
  userErrors: { field: string | null; code: string; message: string }[];
}

const USER_ERRORS = 'userErrors { field code message }';

export const CREATE_MEETING = `mutation($input: CreateMeetingInput!) {
  createMeeting(input: $input) { meeting { id title onlineUrl } ${USER_ERRORS} }
}`;

export const UPDATE_MEETING = `mutation($input: UpdateMeetingInput!) {
  updateMeeting(input: $input) { meeting { id title onlineUrl } ${USER_ERRORS} }
}`;

type MeetingPayload = PayloadErrors & {
  meeting: { id: string; title: string; onlineUrl: string | null } | null;
};

/** Plans a meeting; the payload as the client sees it (throws on a top-level error). */
export async function createMeeting(
  client: TestClient,
  input: Record<string, unknown>,
): Promise<MeetingPayload> {
  const result = await client.gql(CREATE_MEETING, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data?.createMeeting;
}

/** Changes a meeting; the payload as the client sees it (throws on a top-level error). */
export async function updateMeeting(
  client: TestClient,
  input: Record<string, unknown>,
): Promise<MeetingPayload> {
  const result = await client.gql(UPDATE_MEETING, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data?.updateMeeting;
}
