import type { UserErrorCode } from '@hub/shared';
import { Field, ObjectType } from 'type-graphql';

/** A code of `UserErrorCode` (@hub/shared), as the enum member or its string. */
export type UserErrorCodeValue = UserErrorCode | `${UserErrorCode}`;

/** A problem with the input that the user can fix; returned in mutation payloads. */
@ObjectType()
export class UserError {
  @Field(() => String, { nullable: true, description: 'The input field concerned, if any.' })
  field: string | null;

  @Field(() => String)
  message: string;

  // One of UserErrorCode (@hub/shared).
  @Field(() => String, { description: 'Machine-readable, e.g. VALIDATION, TOKEN_INVALID.' })
  code: UserErrorCodeValue;
}

export function userError(code: UserErrorCodeValue, message: string, field: string | null = null): UserError {
  return Object.assign(new UserError(), { code, message, field });
}

/** Thrown inside a mutation's transaction to roll it back and report userErrors instead. */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** Throws `UserErrors` with one error; convenient in services. */
export function fail(code: UserErrorCodeValue, message: string, field: string | null = null): never {
  throw new UserErrors([userError(code, message, field)]);
}
