import { MembershipStatus, MunicipalityKind } from '@hub/shared';
import { IsArray, IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';

/** How the directory is ordered. RELEVANCE needs a search and is its default. */
export enum MunicipalitySort {
  NAME = 'NAME',
  POPULATION = 'POPULATION',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(MunicipalitySort, {
  name: 'MunicipalitySort',
  valuesConfig: {
    NAME: { description: 'Alphabetically by name.' },
    POPULATION: { description: 'Largest population first.' },
    RELEVANCE: { description: 'Best match of the search first (exact, prefix, word, fuzzy).' },
  },
});

@InputType({ description: 'Every given condition must hold.' })
export class MunicipalityFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Name search: case, accents, umlauts and ß do not matter ("bruchmuehlbach"), typos are tolerated.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;

  @Field(() => [MunicipalityKind], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(MunicipalityKind, { each: true })
  kinds?: MunicipalityKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Lies in this Landkreis or kreisfreie Stadt.' })
  @IsOptional()
  @IsString()
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Belongs to this Verbandsgemeinde.' })
  @IsOptional()
  @IsString()
  verbandsgemeindeId?: string | null;

  @Field(() => [MembershipStatus], {
    nullable: true,
    description: 'Has a network membership in one of these states.',
  })
  @IsOptional()
  @IsArray()
  @IsEnum(MembershipStatus, { each: true })
  memberStatuses?: MembershipStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: active network members only; false: all others.',
  })
  @IsOptional()
  @IsBoolean()
  networkMember?: boolean | null;
}
