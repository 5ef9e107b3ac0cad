import { Locale } from '@hub/shared';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { badInput, forbidden } from '../../graphql/errors';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, idOf, isUuid } from '../../graphql/relay';
import { requireViewer } from '../auth';
import { User, userById, userPolicy } from '../users';
import {
  type AuditTrailFilter,
  auditTrailVocabulary,
  exportAuditTrail,
  listAuditTrail,
} from './audit-trail.service';
import { can } from './privacy.policy';
import { operatorDetails, PrivacyService, processingRecord } from './privacy.service';
import {
  AuditEventFilter,
  AuditEventType,
  AuditTrailVocabulary,
  ErasePersonInput,
  ErasePersonPayload,
  ErasureRequestPayload,
  ExportPersonalDataInput,
  ExportPersonalDataPayload,
  OperatorDetails,
  PrivacyPermissions,
  ProcessingRecord,
} from './privacy.types';

export const AuditEventConnection = ConnectionType(AuditEventType, 'AuditEvent');

/** A subject ID typed into the filter: a record's internal ID (a UUID) or nothing. */
function recordId(typed: string | null | undefined): string | null {
  const id = typed?.trim();
  if (!id) return null;
  if (!isUuid(id)) throw badInput('subjectId is not a record ID', 'subjectId');
  return id;
}

function trailFilter(filter: AuditEventFilter | null | undefined): AuditTrailFilter {
  return {
    ...filter,
    actorId: filter?.actorId ? idOf(filter.actorId, 'User', 'actorId') : null,
    subjectId: recordId(filter?.subjectId),
    subjectType: filter?.subjectType?.trim() || null,
    action: filter?.action?.trim() || null,
  };
}

/** Data protection: the personal-data export, erasure, the audit trail and the operator's documents. */
@Resolver()
export class PrivacyResolver {
  @Mutation(() => ExportPersonalDataPayload, {
    description:
      'Everything the hub holds about a person, as JSON and a readable document: the person, or a coordinator.',
  })
  async exportPersonalData(
    @Arg('input', () => ExportPersonalDataInput) input: ExportPersonalDataInput,
    @Ctx() ctx: Context,
  ): Promise<ExportPersonalDataPayload> {
    const viewer = requireViewer(ctx);
    const personId = input.personId ? idOf(input.personId, 'User', 'personId') : viewer.id;
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new PrivacyService(ctx).exportData(m, viewer, personId),
    );
    return { files: result, userErrors };
  }

  @Mutation(() => ErasureRequestPayload, {
    description: 'The viewer asks to be erased; a coordinator confirms.',
  })
  async requestErasure(@Ctx() ctx: Context): Promise<ErasureRequestPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new PrivacyService(ctx).requestErasure(m, viewer),
    );
    return { person: result, userErrors };
  }

  @Mutation(() => ErasureRequestPayload, { description: 'The viewer withdraws their erasure request.' })
  async withdrawErasureRequest(@Ctx() ctx: Context): Promise<ErasureRequestPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new PrivacyService(ctx).withdrawErasureRequest(m, viewer),
    );
    return { person: result, userErrors };
  }

  @Mutation(() => ErasePersonPayload, {
    description:
      'Coordinators erase a person: personal data removed, contributions to shared records kept under a pseudonym.',
  })
  async erasePerson(
    @Arg('input', () => ErasePersonInput) input: ErasePersonInput,
    @Ctx() ctx: Context,
  ): Promise<ErasePersonPayload> {
    const viewer = requireViewer(ctx);
    if (!can(viewer, 'erasePeople')) throw forbidden('Only coordinators erase people.');
    const personId = idOf(input.personId, 'User', 'personId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new PrivacyService(ctx).erase(m, viewer, personId),
    );
    return { person: result, userErrors };
  }

  @Query(() => AuditEventConnection, {
    description: 'The audit trail, newest first: coordinators; the ministry with personal fields masked.',
  })
  auditEvents(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<Connection<AuditEventType>> {
    const viewer = requireViewer(ctx);
    if (!can(viewer, 'readAuditTrail')) throw forbidden();
    return listAuditTrail(ctx.dataSource.manager, viewer, trailFilter(filter), { first, after });
  }

  @Query(() => AuditTrailVocabulary, {
    description: 'Actions and subject types in the trail, for the filters.',
  })
  async auditTrailVocabulary(@Ctx() ctx: Context): Promise<AuditTrailVocabulary> {
    if (!can(requireViewer(ctx), 'readAuditTrail')) throw forbidden();
    return auditTrailVocabulary(ctx.dataSource.manager);
  }

  @Query(() => String, {
    description: 'The filtered audit trail as CSV for German Excel (at most 50,000 events).',
  })
  async auditEventsCsv(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<string> {
    const viewer = requireViewer(ctx);
    if (!can(viewer, 'readAuditTrail')) throw forbidden();
    return (await exportAuditTrail(ctx.dataSource.manager, viewer, trailFilter(filter), 'csv')).content;
  }

  @Query(() => String, {
    description: 'The filtered audit trail as an XLSX workbook, base64 (at most 50,000 events).',
  })
  async auditEventsXlsx(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<string> {
    const viewer = requireViewer(ctx);
    if (!can(viewer, 'readAuditTrail')) throw forbidden();
    return (await exportAuditTrail(ctx.dataSource.manager, viewer, trailFilter(filter), 'xlsx')).content;
  }

  @Query(() => ProcessingRecord, {
    description:
      'The record of processing activities, generated from the registry (no personal data): public.',
  })
  processingRecord(
    @Ctx() ctx: Context,
    @Arg('language', () => Locale, {
      defaultValue: Locale.DE,
      description: 'The wording of the texts; German is the binding one.',
    })
    language: Locale,
  ): ProcessingRecord {
    if (!can(ctx.viewer, 'readProcessingRecord')) throw forbidden();
    return processingRecord(ctx.config, new Date(), language);
  }

  @Query(() => OperatorDetails, {
    description: 'Who runs the hub, for the imprint and the privacy notice: public.',
  })
  operatorDetails(@Ctx() ctx: Context): OperatorDetails {
    return operatorDetails(ctx.config);
  }

  @Query(() => PrivacyPermissions, { description: 'What the viewer may do about data protection.' })
  privacyPermissions(@Ctx() ctx: Context): PrivacyPermissions {
    return {
      readAuditTrail: can(ctx.viewer, 'readAuditTrail'),
      readProcessingRecord: can(ctx.viewer, 'readProcessingRecord'),
    };
  }
}

/** The acting person of an audit event, through the user loader. */
@Resolver(() => AuditEventType)
export class AuditEventResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who made the change; null for the system.' })
  actor(@Root() event: AuditEventType, @Ctx() ctx: Context): Promise<User | null> | null {
    return event.actorId ? ctx.loaders.get(userById).load(event.actorId) : null;
  }
}

/** A person's data-protection state and what the viewer may do about it. */
@Resolver(() => User)
export class PersonPrivacyResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the person asked to be erased: for the person and coordinators.',
  })
  erasureRequestedAt(@Root() user: User, @Ctx() ctx: Context): Date | null {
    return userPolicy.can(ctx.viewer, 'readAccount', user) ? user.erasureRequestedAt : null;
  }

  @FieldResolver(() => Boolean, { description: 'Erased: the name is a pseudonym.' })
  erased(@Root() user: User): boolean {
    return user.erasedAt !== null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether this person’s role lets them read the audit trail (the navigation asks it of the viewer).',
  })
  canReadAuditTrail(@Root() user: User): boolean {
    return can(user, 'readAuditTrail');
  }

  @FieldResolver(() => Boolean)
  viewerCanExportData(@Root() user: User, @Ctx() ctx: Context): boolean {
    return can(ctx.viewer, 'exportData', { person: user });
  }

  @FieldResolver(() => Boolean)
  viewerCanRequestErasure(@Root() user: User, @Ctx() ctx: Context): boolean {
    return can(ctx.viewer, 'requestErasure', { person: user });
  }

  @FieldResolver(() => Boolean)
  viewerCanWithdrawErasureRequest(@Root() user: User, @Ctx() ctx: Context): boolean {
    return can(ctx.viewer, 'withdrawErasureRequest', { person: user });
  }

  @FieldResolver(() => Boolean)
  viewerCanErase(@Root() user: User, @Ctx() ctx: Context): boolean {
    return can(ctx.viewer, 'erase', { person: user });
  }
}

export const privacyResolvers = [PrivacyResolver, AuditEventResolver, PersonPrivacyResolver] as const;
