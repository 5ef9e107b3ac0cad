import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { registerNodeType } from '../../graphql/node-registry';
import { Municipality } from '../municipalities/municipality.entity';
import { municipalityById } from '../municipalities/municipality.loaders';
import { User } from './user.entity';
import { userById } from './user.loaders';
import { userPolicy } from './user.policy';

registerNodeType('User', async (ctx, id) => {
  const user = await ctx.loaders.get(userById).load(id);
  return user && userPolicy.canRead(ctx.viewer, user) ? user : null;
});

@ObjectType()
export class UserPermissions {
  @Field(() => Boolean)
  updateProfile: boolean;

  @Field(() => Boolean)
  manage: boolean;
}

/** Fields of a person that depend on who is asking. */
@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible to the person and to network members only.',
  })
  email(@Root() user: User, @Ctx() ctx: Context): string | null {
    return userPolicy.canReadContact(ctx.viewer, user) ? user.email : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible to the person and to network members only.',
  })
  phone(@Root() user: User, @Ctx() ctx: Context): string | null {
    return userPolicy.canReadContact(ctx.viewer, user) ? user.phone : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the account can sign in; only the person and coordinators see false.',
  })
  active(@Root() user: User, @Ctx() ctx: Context): boolean {
    return userPolicy.canReadAccount(ctx.viewer, user) ? user.status === 'ACTIVE' : true;
  }

  @FieldResolver(() => Municipality, { nullable: true })
  async municipality(@Root() user: User, @Ctx() ctx: Context): Promise<Municipality | null> {
    return user.municipalityId ? ctx.loaders.get(municipalityById).load(user.municipalityId) : null;
  }

  @FieldResolver(() => UserPermissions, { description: 'What the viewer may do with this person.' })
  viewerCan(@Root() user: User, @Ctx() ctx: Context): UserPermissions {
    return {
      updateProfile: userPolicy.canUpdateProfile(ctx.viewer, user),
      manage: userPolicy.canManage(ctx.viewer, user),
    };
  }
}
