import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { OpenStep } from './open-step.types';
import { openStepsOf } from './open-steps.service';

@Resolver()
export class OpenStepsResolver {
  @Query(() => [OpenStep], {
    description:
      'What is waiting for the signed-in person on the start page (an officer: answer the invitation, complete the profile, join a working group, add projects); empty when nothing is, or for the public.',
  })
  viewerOpenSteps(@Ctx() ctx: Context): Promise<OpenStep[]> {
    return openStepsOf(ctx);
  }
}
