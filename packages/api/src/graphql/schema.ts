import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { MunicipalityResolver } from '../modules/municipalities/municipality.resolver';
import { UserResolver } from '../modules/users/user.resolver';
import { NodeResolver } from './node.resolver';
import { DateTimeScalar } from './scalars';

/** Every resolver of the API; each module adds its own. */
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function.
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  AuthResolver,
  UserResolver,
  MunicipalityResolver,
];

let built: Promise<GraphQLSchema> | null = null;

/** The schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  return built;
}
