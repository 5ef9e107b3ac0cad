import { Role, UserStatus } from '@hub/shared';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, idOf } from '../../graphql/relay';
import { userError } from '../../graphql/user-error';
import { requireRole, requireViewer } from '../../graphql/viewer';
import { Municipality, municipalityById } from '../municipalities';
import { accountSecurity } from './account-security';
import { displayNameOf } from './display-name';
import {
  checkOfficerRows,
  createOfficers,
  officerImportTemplateCsv,
  parseOfficerCsv,
} from './officer-import';
import { User } from './user.entity';
import {
  ChangeRoleInput,
  ImportOfficersInput,
  ImportOfficersPayload,
  PeopleFilter,
  PersonInput,
  PersonPayload,
  UpdateProfileInput,
} from './user.inputs';
import { userById } from './user.loaders';
import { userPolicy } from './user.policy';
import { PeopleService } from './user.service';

export const UserConnection = ConnectionType(User);

registerNodeType('User', async (ctx, id) => {
  const user = await ctx.loaders.get(userById).load(id);
  return user && userPolicy.can(ctx.viewer, 'read') ? user : null;
});

@ObjectType()
export class UserPermissions {
  @Field(() => Boolean)
  updateProfile: boolean;

  @Field(() => Boolean, { description: 'Deactivate, reactivate and change the role.' })
  manage: boolean;

  @Field(() => Boolean)
  resendInvitation: boolean;
}

/** People: the list, profiles and their administration; fields that depend on who is asking. */
@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, { description: 'People by name; for coordinators and officers.' })
  people(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => PeopleFilter, { nullable: true }) filter?: PeopleFilter | null,
  ): Promise<Connection<User>> {
    const viewer = requireViewer(ctx);
    if (!userPolicy.can(viewer, 'list')) throw forbidden();
    return new PeopleService(ctx).list(viewer, { first, after, filter });
  }

  @Mutation(() => PersonPayload, { description: 'Everyone edits their own profile; coordinators anyone’s.' })
  async updateProfile(
    @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const viewer = requireViewer(ctx);
    if (
      input.userId &&
      idOf(input.userId, 'User', 'userId') !== viewer.id &&
      viewer.role !== Role.COORDINATOR
    ) {
      throw forbidden();
    }
    // Counted before the transaction, so that wrong passwords stay counted when it rolls back.
    if (input.currentPassword) await accountSecurity().countPasswordConfirmation(ctx, viewer.id);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new PeopleService(ctx).updateProfile(m, viewer, input),
    );
    return { user: result, userErrors };
  }

  @Mutation(() => PersonPayload, {
    description: 'Coordinators deactivate a person; their sessions end at once.',
  })
  async deactivateUser(
    @Arg('input', () => PersonInput) input: PersonInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const viewer = requireRole(ctx, Role.COORDINATOR);
    const userId = idOf(input.userId, 'User', 'userId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new PeopleService(ctx).deactivate(m, viewer, userId),
    );
    return { user: result, userErrors };
  }

  @Mutation(() => PersonPayload, { description: 'Coordinators give a deactivated person access again.' })
  async reactivateUser(
    @Arg('input', () => PersonInput) input: PersonInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const viewer = requireRole(ctx, Role.COORDINATOR);
    const userId = idOf(input.userId, 'User', 'userId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new PeopleService(ctx).reactivate(m, viewer, userId),
    );
    return { user: result, userErrors };
  }

  @Mutation(() => PersonPayload, {
    description: 'Coordinators change the role (and an officer’s municipality) of another person.',
  })
  async changeUserRole(
    @Arg('input', () => ChangeRoleInput) input: ChangeRoleInput,
    @Ctx() ctx: Context,
  ): Promise<PersonPayload> {
    const viewer = requireRole(ctx, Role.COORDINATOR);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new PeopleService(ctx).changeRole(m, viewer, input),
    );
    return { user: result, userErrors };
  }

  @Query(() => String, {
    description:
      'An empty officer import file (CSV for German Excel with the German column headings). Those who may import.',
  })
  officerImportTemplateCsv(@Ctx() ctx: Context): string {
    if (!userPolicy.can(requireViewer(ctx), 'import')) throw forbidden();
    return officerImportTemplateCsv();
  }

  @Mutation(() => ImportOfficersPayload, {
    description:
      'Imports digital officers from CSV: a dry run previews every row with its errors; otherwise all rows are created and invited in one transaction, or none when any row is invalid.',
  })
  async importOfficers(
    @Arg('input', () => ImportOfficersInput) input: ImportOfficersInput,
    @Ctx() ctx: Context,
  ): Promise<ImportOfficersPayload> {
    const viewer = requireViewer(ctx);
    if (!userPolicy.can(viewer, 'import')) throw forbidden();
    const parsed = parseOfficerCsv(input.csv);
    const empty = { rows: [], valid: false, createdCount: 0, created: [] };
    if (parsed.errors.length) return { ...empty, userErrors: parsed.errors };
    const dryRun = input.dryRun ?? true;
    const { result, userErrors } = await inTransaction(ctx, async (m) => {
      const rows = await checkOfficerRows(m, parsed);
      const invalid = rows.filter((row) => row.errors.length).length;
      const created = invalid || dryRun ? [] : await createOfficers(ctx, m, viewer, rows);
      return { rows, invalid, created };
    });
    if (!result) return { ...empty, userErrors };
    const errors = result.invalid
      ? [
          userError(
            'ROWS_INVALID',
            `${result.invalid} of ${result.rows.length} rows have errors: nothing was imported.`,
            'csv',
          ),
        ]
      : [];
    return {
      rows: result.rows,
      valid: result.invalid === 0,
      createdCount: result.created.length,
      created: result.created,
      userErrors: errors,
    };
  }

  @FieldResolver(() => String, { description: 'The name shown for the person; a pseudonym once erased.' })
  name(@Root() user: User): string {
    return displayNameOf(user);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible to the person and to network members only.',
  })
  email(@Root() user: User, @Ctx() ctx: Context): string | null {
    return userPolicy.can(ctx.viewer, 'readContact', user) ? user.email : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible to the person and to network members only.',
  })
  phone(@Root() user: User, @Ctx() ctx: Context): string | null {
    return userPolicy.can(ctx.viewer, 'readContact', user) ? user.phone : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the account can sign in: for the person and coordinators; null for everyone else, who may not see it.',
  })
  active(@Root() user: User, @Ctx() ctx: Context): boolean | null {
    return userPolicy.can(ctx.viewer, 'readAccount', user) ? user.status === UserStatus.ACTIVE : null;
  }

  @FieldResolver(() => UserStatus, {
    nullable: true,
    description: 'Invited, active or deactivated: for the person and coordinators.',
  })
  status(@Root() user: User, @Ctx() ctx: Context): UserStatus | null {
    return userPolicy.can(ctx.viewer, 'readAccount', user) ? user.status : null;
  }

  @FieldResolver(() => Municipality, { nullable: true })
  async municipality(@Root() user: User, @Ctx() ctx: Context): Promise<Municipality | null> {
    return user.municipalityId ? ctx.loaders.get(municipalityById).load(user.municipalityId) : null;
  }

  @FieldResolver(() => UserPermissions, { description: 'What the viewer may do with this person.' })
  viewerCan(@Root() user: User, @Ctx() ctx: Context): UserPermissions {
    return {
      updateProfile: userPolicy.can(ctx.viewer, 'updateProfile', user),
      manage: userPolicy.can(ctx.viewer, 'manage', user),
      resendInvitation: userPolicy.can(ctx.viewer, 'resendInvitation', user),
    };
  }
}
