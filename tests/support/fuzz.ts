import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLOutputType } from 'graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/** mulberry32: a tiny seeded PRNG, so that a failing run can be repeated with its seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const UUID_ZERO = '00000000-0000-0000-0000-000000000000';

/** Text no field can take, or that is odd enough to have broken a service once. */
export const BAD_STRINGS: readonly string[] = [
  '',
  '   ',
  '\u0000',
  'Titel\u0000mit NUL',
  '\uD800',
  'kaputt\uDFFF',
  '\uDBFF\uDBFF',
  'a'.repeat(100_001),
  'ä'.repeat(60_000),
  '👩‍💻'.repeat(400),
  "'; DROP TABLE project; --",
  '%_\\',
  '2026-02-31',
  '0000-01-01',
  '99999-01-01',
  '1e999',
  '-1',
  'null',
  '<script>alert(1)</script>',
  '\t\n\r',
];

/** Values that pagination cursors of any connection could carry, most of them of the wrong type. */
const CURSOR_VALUES: readonly unknown[] = [
  'a',
  '',
  '\u0000',
  'not-a-uuid',
  UUID_ZERO,
  '2026-02-31T00:00:00Z',
  '0000-01-01T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-01-01T00:00:00.000Z',
  '2026-01-01',
  2 ** 40,
  -1,
  1.5,
  null,
  true,
  {},
  [],
  'ACTIVE',
  'x'.repeat(5000),
];

export function forgedCursor(random: Random): string {
  if (random.chance(0.2)) return random.pick(['!!!', 'a', '%%%', base64url('{"a":1}'), base64url('[')]);
  const values = Array.from({ length: random.int(1, 4) }, () => random.pick(CURSOR_VALUES));
  return base64url(JSON.stringify(values));
}

const BAD_DATE_TIMES: readonly unknown[] = [
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2026-13-45T99:00:00Z',
  '1899-12-31T23:00:00Z',
  'gestern',
  1234,
];
const BAD_INTS: readonly number[] = [-1, 0, -2147483648, 2147483647, 1_000_000];
const BAD_FLOATS: readonly number[] = [-1, 0, 1e308, -1e308, 0.000001];
const BAD_SAFE_INTS: readonly number[] = [-1, 2 ** 53 - 1, -(2 ** 53 - 1), 2147483648];

/** Real global IDs by node type (refreshed during a run), used for arguments named `…Id(s)`. */
export type IdPool = Map<string, string[]>;

export class InputGenerator {
  /** Each leaf is a bad value with this probability, otherwise a plausible one; set per case. */
  private badness = 0.1;
  /** The field being called, lower case: `id` of `updateWorkingGroup` is a WorkingGroup's. */
  private operation = '';

  constructor(
    private readonly random: Random,
    private readonly ids: () => IdPool,
  ) {}

  private bad(): boolean {
    return this.random.chance(this.badness);
  }

  /**
   * Arguments for one call. Mostly plausible input with a few bad values, so that most cases get
   * past the first check into the services and the database; some cases are bad throughout.
   */
  args(operation: string, args: readonly GraphQLArgument[]): Record<string, unknown> {
    this.operation = operation.toLowerCase();
    this.badness = this.random.pick([0.03, 0.1, 0.1, 0.4]);
    const values: Record<string, unknown> = {};
    for (const arg of args) {
      if (!isNonNullType(arg.type) && this.random.chance(0.3)) continue;
      values[arg.name] = this.value(arg.type, arg.name);
    }
    return values;
  }

  value(type: GraphQLInputType, name: string): unknown {
    if (isNonNullType(type)) return this.nonNullValue(type.ofType, name);
    return this.random.chance(0.05) ? null : this.nonNullValue(type, name);
  }

  private nonNullValue(type: GraphQLInputType, name: string): unknown {
    if (isListType(type)) {
      if (this.random.chance(0.03)) return Array.from({ length: 1001 }, () => this.value(type.ofType, name));
      const items = Array.from({ length: this.random.int(0, 3) }, () => this.value(type.ofType, name));
      // The same entry twice (one person, one municipality) has broken unique constraints before.
      if (items.length && this.random.chance(0.15)) items.push(items[0]);
      return items;
    }
    if (isInputObjectType(type)) {
      const fields: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (!isNonNullType(field.type) && this.random.chance(0.3)) continue;
        fields[field.name] = this.value(field.type, field.name);
      }
      return fields;
    }
    if (isEnumType(type)) return this.random.pick(type.getValues()).value;
    switch (type.name) {
      case 'ID':
        return this.id(name);
      case 'String':
        if (name === 'after') return this.random.chance(0.7) ? forgedCursor(this.random) : this.string(name);
        return this.string(name);
      case 'Int':
        return this.bad() ? this.random.pick(BAD_INTS) : this.random.int(1, 5);
      case 'SafeInt':
        return this.bad() ? this.random.pick(BAD_SAFE_INTS) : this.random.int(100, 100_000);
      case 'Float':
        return this.bad() ? this.random.pick(BAD_FLOATS) : 49.44;
      case 'Boolean':
        return this.random.chance(0.5);
      case 'DateTime':
        return this.bad()
          ? this.random.pick(BAD_DATE_TIMES)
          : new Date(Date.now() + this.random.int(-30, 30) * 86_400_000).toISOString();
      default:
        throw new Error(`the fuzzer does not know the scalar ${type.name}`);
    }
  }

  private string(name: string): string {
    if (this.bad()) return this.random.pick(BAD_STRINGS);
    const lower = name.toLowerCase();
    if (lower.includes('email')) return `fuzz-${this.random.int(1, 1e6)}@example.org`;
    if (lower.includes('url') || lower.includes('website')) return 'https://example.org/fuzz';
    if (lower.endsWith('date') || lower.endsWith('on'))
      return new Date(Date.now() + this.random.int(-30, 30) * 86_400_000).toISOString().slice(0, 10);
    if (lower.includes('password')) return 'Fuzz-Passwort-2026!';
    if (lower === 'locale') return 'de';
    return this.random.pick(['Fuzz-Titel', 'Smarte Parkplätze', 'x', 'Ein längerer Text mit Umlauten äöüß']);
  }

  /** A real ID of the type the name suggests (`meetingId` → Meeting), another type's, or a forged one. */
  private id(name: string): string {
    const pool = this.ids();
    if (this.bad()) {
      return this.random.pick([
        'garbage',
        '',
        base64url('Meeting:not-a-uuid'),
        base64url(`Nope:${UUID_ZERO}`),
        base64url(`Meeting:${UUID_ZERO}\u0000`),
        'x'.repeat(5000),
        '\u0000',
      ]);
    }
    const stem = name
      .replace(/Ids?$/, '')
      .toLowerCase()
      .replace(/^actionitem$/, 'outcome')
      .replace(/district$/, 'municipality');
    const types = [...pool.keys()].filter((type) => pool.get(type)?.length);
    let matching = types.filter((type) => {
      const lower = type.toLowerCase();
      return stem === '' ? this.operation.includes(lower) : stem.endsWith(lower) || lower.endsWith(stem);
    });
    // `membershipId` of acceptWorkingGroupRequest: the WorkingGroupMembership, not the NetworkMembership.
    const named = matching.filter((type) => this.operation.includes(type.toLowerCase().replace(stem, '')));
    if (named.length && stem !== '') matching = named;
    if (stem === '') matching.sort((a, b) => b.length - a.length).splice(1);
    const type = matching.length && !this.bad() ? this.random.pick(matching) : this.random.pick(types);
    return this.random.pick(pool.get(type) ?? []);
  }
}

/** `{ __typename userErrors { … } }` for an object result, nothing for a leaf. */
export function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const userErrors =
    isObjectType(named) && named.getFields().userErrors ? ' userErrors { field code message }' : '';
  return `{ __typename${userErrors} }`;
}

/** A value as a GraphQL literal of the type, to send in the document instead of as a variable. */
export function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (isListType(type))
    return Array.isArray(value)
      ? `[${value.map((item) => literal(item, type.ofType)).join(', ')}]`
      : literal(value, type.ofType);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([name, item]) => `${name}: ${literal(item, fields[name].type)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  if (isEnumType(type)) return String(value);
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** One operation calling one root field with all the given arguments written into the document. */
export function operationWithLiterals(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  values: Record<string, unknown>,
): string {
  const passed = field.args
    .filter((arg) => arg.name in values)
    .map((arg) => `${arg.name}: ${literal(values[arg.name], arg.type)}`)
    .join(', ');
  return `${kind} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(field.type)} }`;
}

/** One operation calling one root field with all its arguments as variables. */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(field.type)} }`;
}
