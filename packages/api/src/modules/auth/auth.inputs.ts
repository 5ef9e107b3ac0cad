import { Locale, limits, Role, TokenPurpose } from '@hub/shared';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { User } from '../users';

registerEnumType(TokenPurpose, { name: 'TokenPurpose' });

@InputType()
export class SignInInput {
  @Field(() => String)
  @IsString()
  @MaxLength(limits.email.maxLength)
  email: string;

  @Field(() => String)
  @IsString()
  @MaxLength(limits.password.maxLength)
  password: string;
}

@InputType()
export class SignOutInput {
  @Field(() => Boolean, { nullable: true, description: 'End every session of the viewer, on every device.' })
  everywhere?: boolean | null;
}

@InputType()
export class InviteUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(limits.email.maxLength)
  email: string;

  @Field(() => String)
  @IsString()
  @Length(1, limits.personName.maxLength)
  name: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for officers.' })
  @IsOptional()
  @IsString()
  municipalityId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(limits.position.maxLength)
  position?: string | null;

  @Field(() => Locale, { nullable: true })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  token: string;

  @Field(() => String)
  @IsString()
  @MaxLength(limits.password.maxLength)
  password: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field(() => String)
  @IsString()
  @MaxLength(limits.email.maxLength)
  email: string;
}

@InputType()
export class ResetPasswordInput extends AcceptInvitationInput {}

@InputType()
export class RevertEmailChangeInput {
  @Field(() => String, { description: 'From the link mailed to the previous address.' })
  @IsString()
  @MaxLength(200)
  token: string;
}

@ObjectType()
export class RevertEmailChangePayload {
  @Field(() => String, { nullable: true, description: 'The restored sign-in address.' })
  email: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class SetLocaleInput {
  @Field(() => Locale)
  @IsEnum(Locale)
  locale: Locale;
}

@InputType()
export class ResendInvitationInput {
  @Field(() => ID)
  @IsString()
  userId: string;
}

@ObjectType()
export class ViewerPayload {
  @Field(() => User, { nullable: true })
  viewer: User | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class SignOutPayload {
  @Field(() => Boolean)
  success: boolean;
}

@ObjectType()
export class InviteUserPayload {
  @Field(() => User, { nullable: true })
  user: User | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class RequestPasswordResetPayload {
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class TokenInfo {
  @Field(() => TokenPurpose)
  purpose: TokenPurpose;

  @Field(() => String, {
    description: 'The address concerned: the person’s, or for EMAIL_CHANGE_REVERT the one the link restores.',
  })
  email: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => Date)
  expiresAt: Date;
}
