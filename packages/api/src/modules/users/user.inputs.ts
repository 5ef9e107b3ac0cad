import { Locale, limits, officerImport, Role, UserStatus } from '@hub/shared';
import {
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Municipality } from '../municipalities';
import { User } from './user.entity';

@InputType({ description: 'Only the given fields change; null clears position and phone.' })
export class UpdateProfileInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Whose profile (coordinators); the viewer’s own when left out.',
  })
  @IsOptional()
  @IsString()
  userId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, limits.personName.maxLength)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(limits.email.maxLength)
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The password of the person signed in; required when the e-mail address changes.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(limits.password.maxLength)
  currentPassword?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(limits.position.maxLength)
  position?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(limits.phone.maxLength)
  phone?: string | null;

  @Field(() => Locale, { nullable: true })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;
}

@InputType()
export class PersonInput {
  @Field(() => ID)
  @IsString()
  userId: string;
}

@InputType()
export class ChangeRoleInput {
  @Field(() => ID)
  @IsString()
  userId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for officers, not allowed for other roles.' })
  @IsOptional()
  @IsString()
  municipalityId?: string | null;
}

@InputType()
export class PeopleFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or e-mail address; case and accents do not matter.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(Role, { each: true })
  roles?: Role[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  municipalityId?: string | null;

  @Field(() => [UserStatus], {
    nullable: true,
    description: 'Deactivated people are listed for coordinators only.',
  })
  @IsOptional()
  @IsArray()
  @IsEnum(UserStatus, { each: true })
  statuses?: UserStatus[] | null;
}

@InputType()
export class ImportOfficersInput {
  @Field(() => String, {
    description: `The CSV text (UTF-8; comma or semicolon; columns ${officerImport.required.join(', ')}, optionally position, phone, locale).`,
  })
  @IsString()
  @MaxLength(officerImport.maxBytes)
  csv: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only check and preview; write nothing. Default true.',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean | null;
}

@ObjectType()
export class PersonPayload {
  @Field(() => User, { nullable: true })
  user: User | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'One data row of an import, as it was read and checked.' })
export class OfficerImportRow {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1).' })
  line: number;

  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => String, { nullable: true })
  position: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => Locale)
  locale: Locale;

  @Field(() => String, { description: 'The municipality as written in the file.' })
  municipalityText: string;

  @Field(() => Municipality, { nullable: true, description: 'The municipality it was matched to.' })
  municipality: Municipality | null;

  @Field(() => [UserError], { description: 'Empty when the row is valid; field names the column.' })
  errors: UserError[];
}

@ObjectType()
export class ImportOfficersPayload {
  @Field(() => [OfficerImportRow])
  rows: OfficerImportRow[];

  @Field(() => Boolean, {
    description: 'Every row is valid (and, unless a dry run, the officers were created).',
  })
  valid: boolean;

  @Field(() => Int, {
    description: 'Officers created and invited (0 for a dry run or when anything is invalid).',
  })
  createdCount: number;

  @Field(() => [User], { description: 'The officers created.' })
  created: User[];

  @Field(() => [UserError], {
    description: 'Problems with the file as a whole (columns, encoding, size) or the rows.',
  })
  userErrors: UserError[];
}
