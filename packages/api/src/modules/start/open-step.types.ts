import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Municipality } from '../municipalities';

/** What a newly invited officer still has to do; each step disappears once it is done. */
export enum OpenStepKind {
  /** Her municipality is invited into the network: accept (or decline) the invitation. */
  ANSWER_NETWORK_INVITATION = 'ANSWER_NETWORK_INVITATION',
  /** Her own entry lacks the function or phone number the municipality's page shows as contact. */
  COMPLETE_PROFILE = 'COMPLETE_PROFILE',
  /** She takes part in no working group yet (nor asked to). */
  JOIN_WORKING_GROUP = 'JOIN_WORKING_GROUP',
  /** Her municipality leads no project in the hub yet. */
  ADD_PROJECT = 'ADD_PROJECT',
}
registerEnumType(OpenStepKind, { name: 'OpenStepKind' });

@ObjectType({ description: 'A step waiting for the viewer on the start page.' })
export class OpenStep {
  @Field(() => OpenStepKind)
  kind: OpenStepKind;

  @Field(() => Municipality, {
    nullable: true,
    description: 'The municipality the step is about (invitation, projects).',
  })
  municipality: Municipality | null;
}
