import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { User } from '../users';

@ObjectType({
  description: 'Everything the hub holds about a person, as files to save (Art. 15 and 20 DSGVO).',
})
export class PersonalDataFiles {
  @Field(() => String, { description: 'File name without extension, e.g. meine-daten-2026-11-30.' })
  baseName: string;

  @Field(() => String, { description: 'Machine-readable JSON.' })
  json: string;

  @Field(() => String, { description: 'A readable, printable HTML document of the same data.' })
  html: string;
}

@InputType()
export class ExportPersonalDataInput {
  @Field(() => ID, { nullable: true, description: 'The person; the viewer when absent.' })
  personId?: string | null;
}

@ObjectType()
export class ExportPersonalDataPayload {
  @Field(() => PersonalDataFiles, { nullable: true })
  files: PersonalDataFiles | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class ErasePersonInput {
  @Field(() => ID)
  personId: string;
}

@ObjectType()
export class ErasePersonPayload {
  @Field(() => User, { nullable: true, description: 'The erased person, now shown under the pseudonym.' })
  person: User | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class ErasureRequestPayload {
  @Field(() => User, { nullable: true })
  person: User | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'One field an audited change touched.' })
export class AuditFieldChangeType {
  @Field(() => String)
  field: string;

  @Field(() => String, { nullable: true, description: 'The value before, as JSON text; null when absent.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as JSON text; null when absent.' })
  after: string | null;

  @Field(() => Boolean, { description: 'A personal field the viewer may not see: its values are masked.' })
  masked: boolean;
}

@ObjectType('AuditEvent', { description: 'Who changed what, when, before and after.' })
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  actorId: string | null;

  @Field(() => String, { description: "What happened, e.g. 'project.update'." })
  action: string;

  @Field(() => String, { description: "The kind of record, e.g. 'Project', 'User'." })
  subjectType: string;

  @Field(() => String, { nullable: true, description: 'The record’s internal ID.' })
  subjectId: string | null;

  @Field(() => [AuditFieldChangeType])
  changes: AuditFieldChangeType[];
}

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes by this person.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  subjectType?: string | null;

  @Field(() => String, { nullable: true, description: 'The record’s internal ID (as shown in an event).' })
  subjectId?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this moment (inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until this moment (exclusive).' })
  to?: Date | null;
}

@ObjectType({
  description: 'Who runs this hub (imprint, controller of the privacy notice); from the settings.',
})
export class OperatorDetails {
  @Field(() => String)
  name: string;

  @Field(() => String)
  address: string;

  @Field(() => String)
  representative: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  phone: string;

  @Field(() => String)
  register: string;

  @Field(() => String)
  vatId: string;

  @Field(() => String)
  dataProtectionOfficer: string;

  @Field(() => String)
  supervisoryAuthority: string;

  @Field(() => [String], {
    description:
      'Settings still empty that an imprint needs (environment variable names); empty when complete.',
  })
  missingSettings: string[];
}

@ObjectType({ description: 'One kind of personal data the hub processes.' })
export class ProcessingActivity {
  @Field(() => String)
  table: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  purpose: string;

  @Field(() => String)
  recipients: string;

  @Field(() => String)
  retention: string;

  @Field(() => String, { description: 'What erasure of a person does with it.' })
  erasure: string;
}

@ObjectType()
export class RetentionPeriod {
  @Field(() => String)
  kind: string;

  @Field(() => String)
  period: string;
}

@ObjectType({
  description: 'Record of processing activities (Art. 30 DSGVO), from the running configuration.',
})
export class ProcessingRecord {
  @Field(() => OperatorDetails)
  operator: OperatorDetails;

  @Field(() => [ProcessingActivity])
  activities: ProcessingActivity[];

  @Field(() => [RetentionPeriod])
  retention: RetentionPeriod[];

  @Field(() => Date)
  generatedAt: Date;
}

@ObjectType({ description: 'What the viewer may do about data protection.' })
export class PrivacyPermissions {
  @Field(() => Boolean)
  readAuditTrail: boolean;

  @Field(() => Boolean)
  readProcessingRecord: boolean;
}

@ObjectType({ description: 'The values the audit trail holds, for the filters’ suggestions.' })
export class AuditTrailVocabulary {
  @Field(() => [String])
  actions: string[];

  @Field(() => [String])
  subjectTypes: string[];
}
