// Turns a JSON-schema validator's raw errors into findings a person can act on: one message per
// problem, at the exact key or value, with the closest valid key or value suggested.
import type { ErrorObject } from 'ajv';
import { fromPointer, type PathSegment } from '../document/source';
import { closest, orList } from '../text';
import { dottedPath } from '../findings';
import type { FixIntent } from '../fixes';
import * as l10n from '../l10n';

/** A standalone validator generated at build time. */
export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** One schema problem before it is placed in the text. */
export interface SchemaProblem {
  path: PathSegment[];
  /** The object the problem is in (for a missing or unknown key, that object; for a bad value, its parent). */
  owner: PathSegment[];
  part: 'key' | 'value' | 'auto';
  message: string;
  fix?: FixIntent;
}

/** The problems of a document and the paths whose values are invalid (later stages ignore them). */
export interface SchemaCheck {
  problems: SchemaProblem[];
  invalidPaths: PathSegment[][];
}

type JsonSchema = { [keyword: string]: unknown };

/** Validates data and explains every error in the words of the file. */
export function checkSchema(data: unknown, validate: Validator, schema: JsonSchema): SchemaCheck {
  if (validate(data)) return { problems: [], invalidPaths: [] };
  const errors = condense(validate.errors ?? []);
  const explainer = new Explainer(data, schema);
  const problems: SchemaProblem[] = [];
  const invalidPaths: PathSegment[][] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const explained = explainer.explain(error);
    if (!explained) continue;
    const inObject = error.keyword === 'additionalProperties' || error.keyword === 'required' || error.keyword === 'propertyNames' || error.keyword === 'minProperties';
    const at = fromPointer(error.instancePath) as PathSegment[];
    const problem: SchemaProblem = { ...explained, owner: inObject ? at : at.slice(0, -1) };
    const key = `${problem.path.join('\u0000')}|${problem.part}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (error.keyword !== 'additionalProperties' && error.keyword !== 'required' && error.keyword !== 'propertyNames') {
      invalidPaths.push(problem.path);
    }
  }
  return { problems, invalidPaths };
}

/**
 * Reduces ajv's errors to the ones a person needs. `if` errors only repeat the `then` errors. An
 * `anyOf`/`oneOf` (our schemas only use them for shorthands such as `multiAz: true | {...}`) keeps the
 * errors of the branch whose JSON type matches the value; when no branch matches, its branches' type
 * errors become one error that lists the accepted types.
 */
function condense(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      kept.push(error);
      continue;
    }
    if (error.keyword === 'oneOf' && (error.params as { passingSchemas?: unknown }).passingSchemas) {
      kept.push(error);
      continue;
    }
    const at = error.instancePath;
    const typeErrors: ErrorObject[] = [];
    let others = 0;
    for (let i = kept.length - 1; i >= 0; i--) {
      const candidate = kept[i];
      if (candidate.instancePath !== at && !candidate.instancePath.startsWith(at + '/')) continue;
      if (candidate.keyword === 'type' && candidate.instancePath === at) {
        typeErrors.push(candidate);
        kept.splice(i, 1);
      } else {
        others++;
      }
    }
    if (others === 0) {
      const types = [...new Set(typeErrors.flatMap((typeError) => String((typeError.params as { type: string }).type).split(',')))];
      kept.push({ ...error, keyword: 'type', params: { type: types.reverse().join(',') } });
    }
  }
  return kept;
}

class Explainer {
  constructor(
    private readonly data: unknown,
    private readonly schema: JsonSchema,
  ) {}

  explain(error: ErrorObject): Omit<SchemaProblem, 'owner'> | undefined {
    const path = fromPointer(error.instancePath) as PathSegment[];
    const value = valueAt(this.data, path);
    const params = error.params as Record<string, unknown>;
    const where = describePlace(path);
    // `name` starts a sentence as `Name`: only "the file" changes case.
    const name = path.length ? `\`${path[path.length - 1]}\`` : l10n.t`the file`;
    const Name = path.length ? name : l10n.t`The file`;
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const allowed = this.propertiesOf(error);
        const suggestion = closest(key, allowed);
        const elsewhere = suggestion ? undefined : this.serviceWithProperty(key, error);
        const place = placeOf(path);
        let message: string;
        if (suggestion) message = l10n.t('Unknown key `{key}` {place}; did you mean `{suggestion}`?', { key, place, suggestion });
        else if (elsewhere) message = l10n.t('Unknown key `{key}` {place}: `{key}` belongs to {services}, not to this {kind}.', { key, place, services: elsewhere, kind: this.kindOf(error) });
        else if (allowed.length) message = l10n.t('Unknown key `{key}` {place}.', { key, place }) + ' ' + l10n.t('Valid keys here: {keys}.', { keys: orList(allowed) });
        else message = l10n.t('Unknown key `{key}` {place}.', { key, place });
        return {
          path: [...path, key],
          part: 'key',
          message,
          fix: suggestion ? { kind: 'rename', title: l10n.t('Rename `{key}` to `{suggestion}`', { key, suggestion }), pointer: [...path, key], key: suggestion } : undefined,
        };
      }
      case 'required': {
        const missing = String(params.missingProperty);
        const description = this.descriptionOf(error, missing);
        const subject = path.length ? `\`${dottedPath(path)}\`` : l10n.t`The file`;
        return {
          path,
          part: 'key',
          message: description
            ? l10n.t('{subject} is missing the required key `{key}` ({description}).', { subject, key: missing, description })
            : l10n.t('{subject} is missing the required key `{key}`.', { subject, key: missing }),
        };
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]) ?? [];
        const suggestion = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
        const shown = show(value);
        return {
          path,
          part: 'value',
          message:
            (suggestion
              ? l10n.t('{value} is not a valid {name} {where}; did you mean `{suggestion}`?', { value: shown, name, where, suggestion })
              : l10n.t('{value} is not a valid {name} {where}.', { value: shown, name, where })) +
            ' ' +
            l10n.t('Valid values: {values}.', { values: orList(allowed) }),
          fix: suggestion ? { kind: 'replace', title: l10n.t('Change to `{value}`', { value: suggestion }), pointer: path, value: suggestion } : undefined,
        };
      }
      case 'const': {
        const expected = params.allowedValue;
        if (path.length === 1 && path[0] === 'dbarch') {
          return { path, part: 'value', message: l10n.t('`dbarch` must be {value}: it is the version of the file format, and 1 is the only one.', { value: show(expected) }) };
        }
        return { path, part: 'value', message: l10n.t('{name} {where} must be {value}.', { name, where, value: show(expected) }) };
      }
      case 'type': {
        const types = String(params.type).split(',');
        const expected = types.map((type) => typeName(type));
        const actual = jsonType(value);
        const accepted = expected.length > 1 ? l10n.t('{first}, or {last}', { first: expected.slice(0, -1).join(', '), last: expected[expected.length - 1] }) : expected[0];
        let message = l10n.t('{name} {where} must be {accepted}, not {actual}.', { name: Name, where, accepted, actual: article(actual) });
        if (path.length === 0) message = l10n.t('An architecture file must be a mapping of keys (`dbarch: 1`, `name`, `databases`, ...), not {actual}.', { actual: article(actual) });
        if (actual === 'string' && types.some((type) => type === 'number' || type === 'integer') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
          message += ' ' + l10n.t`Remove the quotes around the number.`;
        }
        if (actual === 'string' && types.includes('boolean') && typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
          message += ' ' + l10n.t`Remove the quotes around the boolean.`;
        }
        if (actual === 'null') message = l10n.t('{name} {where} has no value: it must be {accepted}.', { name: Name, where, accepted });
        return { path, part: 'value', message };
      }
      case 'pattern': {
        if (params.propertyName !== undefined || (error.propertyName !== undefined && error.propertyName !== '')) return undefined;
        return { path, part: 'value', message: l10n.t('{value} is not a valid {name} {where}: {hint}.', { value: show(value), name, where, hint: this.patternHint(String(params.pattern)) }) };
      }
      case 'propertyNames': {
        const key = String(params.propertyName);
        return {
          path: [...path, key],
          part: 'key',
          message: l10n.t(
            '`{key}` is not a valid name {place}: names use lower-case letters, digits and hyphens, start with a letter and are at most 63 characters long (like `orders-replica-1`).',
            { key, place: placeOf(path) },
          ),
        };
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const values = { name: Name, where, limit: String(params.limit), value: show(value) };
        const message =
          error.keyword === 'minimum'
            ? l10n.t('{name} {where} must be at least {limit}; it is {value}.', values)
            : error.keyword === 'maximum'
              ? l10n.t('{name} {where} must be at most {limit}; it is {value}.', values)
              : error.keyword === 'exclusiveMinimum'
                ? l10n.t('{name} {where} must be greater than {limit}; it is {value}.', values)
                : l10n.t('{name} {where} must be less than {limit}; it is {value}.', values);
        return { path, part: 'value', message };
      }
      case 'multipleOf':
        return { path, part: 'value', message: l10n.t('{name} {where} must be a multiple of {multiple}; it is {value}.', { name: Name, where, multiple: String(params.multipleOf), value: show(value) }) };
      case 'minLength':
        return { path, part: 'value', message: l10n.t('{name} {where} must not be empty.', { name: Name, where }) };
      case 'maxLength':
        return { path, part: 'value', message: l10n.t('{name} {where} must be at most {limit} characters long.', { name: Name, where, limit: String(params.limit) }) };
      case 'minItems':
        return {
          path,
          part: 'value',
          message:
            Number(params.limit) === 1
              ? l10n.t('{name} {where} must list at least {limit} item.', { name: Name, where, limit: String(params.limit) })
              : l10n.t('{name} {where} must list at least {limit} items.', { name: Name, where, limit: String(params.limit) }),
        };
      case 'maxItems':
        return { path, part: 'value', message: l10n.t('{name} {where} may list at most {limit} items.', { name: Name, where, limit: String(params.limit) }) };
      case 'uniqueItems':
        return {
          path: [...path, Number(params.i)],
          part: 'value',
          message: l10n.t('{name} {where} lists the same value twice (items {first} and {second}).', { name: Name, where, first: Number(params.j) + 1, second: Number(params.i) + 1 }),
        };
      case 'minProperties':
        return { path, part: 'key', message: l10n.t('{name} {where} must not be empty.', { name: Name, where }) };
      case 'format':
        return { path, part: 'value', message: l10n.t('{value} is not a valid {format} {where}.', { value: show(value), format: String(params.format), where }) };
      default:
        return { path, part: 'auto', message: l10n.t('{name} {where} is not valid: {reason}.', { name: Name, where, reason: error.message ?? error.keyword }) };
    }
  }

  /** The property names of the object schema that produced an error. */
  private propertiesOf(error: ErrorObject): string[] {
    const properties = (error.parentSchema as JsonSchema | undefined)?.properties;
    return properties && typeof properties === 'object' ? Object.keys(properties).filter((key) => key !== '$schema') : [];
  }

  private descriptionOf(error: ErrorObject, property: string): string | undefined {
    const properties = (error.parentSchema as JsonSchema | undefined)?.properties as Record<string, JsonSchema> | undefined;
    const description = properties?.[property]?.description;
    if (typeof description !== 'string') return undefined;
    const firstSentence = description.split(/(?<=\.)\s/)[0].replace(/\.$/, '');
    return firstSentence.length <= 90 ? lowerFirst(firstSentence) : undefined;
  }

  /** "rds database" for an error inside the rds definition, "object" elsewhere. */
  private kindOf(error: ErrorObject): string {
    const properties = (error.parentSchema as JsonSchema | undefined)?.properties as Record<string, JsonSchema> | undefined;
    const service = properties?.service?.const;
    return typeof service === 'string' ? l10n.t('{service} database', { service }) : l10n.t`object`;
  }

  /** For a key that is not valid on a database, the services whose databases have it (`partitionKey` -> dynamodb). */
  private serviceWithProperty(key: string, error: ErrorObject): string | undefined {
    const own = ((error.parentSchema as JsonSchema | undefined)?.properties as Record<string, JsonSchema> | undefined)?.service?.const;
    if (typeof own !== 'string') return undefined;
    const services: string[] = [];
    for (const definition of Object.values(this.definitions()) as JsonSchema[]) {
      const properties = definition?.properties as Record<string, JsonSchema> | undefined;
      const service = properties?.service?.const;
      if (typeof service === 'string' && properties && Object.prototype.hasOwnProperty.call(properties, key)) services.push(service);
    }
    return services.length ? orList(services) : undefined;
  }

  /** What a pattern means, in words, for the patterns of the schema's shared definitions. */
  private patternHint(pattern: string): string {
    const definitions = this.definitions() as Record<string, JsonSchema | undefined>;
    const is = (name: string): boolean => definitions[name]?.pattern === pattern;
    if (is('az')) return l10n.t`an Availability Zone is written like \`ap-northeast-2a\` (the Region code and a letter)`;
    if (is('region')) return l10n.t`a Region is written like \`ap-northeast-2\``;
    if (is('name')) return l10n.t`names use lower-case letters, digits and hyphens, start with a letter and are at most 63 characters long (like \`orders-replica-1\`)`;
    if (is('reference')) return l10n.t`a reference is a name like \`orders\`, or \`database/member\` like \`orders/orders-replica-1\``;
    if (is('cidr')) return l10n.t`a CIDR block is written like \`10.0.1.0/24\``;
    return l10n.t('it must match `{pattern}`', { pattern });
  }


  private definitions(): Record<string, unknown> {
    return (this.schema.definitions as Record<string, unknown> | undefined) ?? {};
  }
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, unknown>)[segment as string] : undefined;
  }
  return node;
}

/** Where a key or value's parent is: "in databases.orders" / "at the top level". */
function describePlace(path: readonly PathSegment[]): string {
  return placeOf(path.slice(0, -1));
}

/** "in databases.orders" / "at the top level" for the object at a path. */
export function placeOf(path: readonly PathSegment[]): string {
  return path.length ? l10n.t('in {path}', { path: dottedPath(path) }) : l10n.t`at the top level`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return '`' + (value.length > 60 ? value.slice(0, 57) + '...' : value) + '`';
  if (value === undefined) return l10n.t`nothing`;
  return '`' + JSON.stringify(value) + '`';
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** What a value of a JSON-schema type must be, in words ("a whole number"). */
function typeName(type: string): string {
  switch (type) {
    case 'boolean':
      return l10n.t`true or false`;
    case 'object':
      return l10n.t`a mapping`;
    case 'array':
      return l10n.t`a list`;
    case 'integer':
      return l10n.t`a whole number`;
    case 'number':
      return l10n.t`a number`;
    case 'string':
      return l10n.t`a string`;
    case 'null':
      return l10n.t`empty`;
    default:
      return type;
  }
}

/** What a value is, in words, from `jsonType` ("a list", "an integer"). */
function article(type: string): string {
  switch (type) {
    case 'null':
      return l10n.t`empty`;
    case 'boolean':
      return l10n.t`true or false`;
    case 'list':
      return l10n.t`a list`;
    case 'mapping':
      return l10n.t`a mapping`;
    case 'integer':
      return l10n.t`an integer`;
    case 'number':
      return l10n.t`a number`;
    case 'string':
      return l10n.t`a string`;
    default:
      return /^[aeiou]/.test(type) ? l10n.t('an {type}', { type }) : l10n.t('a {type}', { type });
  }
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
