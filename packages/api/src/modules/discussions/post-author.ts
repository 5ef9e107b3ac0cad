import { Field, ObjectType } from 'type-graphql';
import type { Loaders } from '../../graphql/loaders';
import { municipalityById } from '../municipalities';
import { userById } from '../users';

/** How a post's author is shown: the display name and, for officers, their municipality. */
@ObjectType({ description: "A post's author as the thread shows them." })
export class PostAuthor {
  @Field(() => String)
  displayName: string;

  @Field(() => String, { nullable: true, description: "The officer's municipality." })
  municipalityName: string | null;
}

/** Shown for posts whose author's account no longer exists. */
export const FORMER_MEMBER = 'Ehemaliges Mitglied';

/**
 * The one place that decides how an author appears. After an erasure (the author id is gone, or
 * the person pseudonymised by the privacy module) this is where the pseudonym comes in.
 */
export async function postAuthorOf(loaders: Loaders, authorId: string | null): Promise<PostAuthor> {
  const user = authorId ? await loaders.get(userById).load(authorId) : null;
  if (!user) return { displayName: FORMER_MEMBER, municipalityName: null };
  const municipality = user.municipalityId
    ? await loaders.get(municipalityById).load(user.municipalityId)
    : null;
  return { displayName: user.name, municipalityName: municipality?.name ?? null };
}
