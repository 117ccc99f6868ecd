// Turns a JSON-schema validator's raw errors into findings a person can act on: one message per
// problem, at the exact key or value, with the closest valid key or value suggested.
import type { ErrorObject } from 'ajv';
import { fromPointer, type PathSegment } from '../document/source';
import { closest, orList } from '../text';
import { dottedPath } from '../findings';
import type { FixIntent } from '../fixes';

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
    const name = path.length ? `\`${path[path.length - 1]}\`` : 'the file';
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const allowed = this.propertiesOf(error);
        const suggestion = closest(key, allowed);
        const elsewhere = suggestion ? undefined : this.serviceWithProperty(key, error);
        const place = path.length ? `in ${dottedPath(path)}` : 'at the top level';
        let message = `Unknown key \`${key}\` ${place}`;
        if (suggestion) message += `; did you mean \`${suggestion}\`?`;
        else if (elsewhere) message += `: \`${key}\` belongs to ${elsewhere}, not to this ${this.kindOf(error)}.`;
        else if (allowed.length) message += `. Valid keys here: ${orList(allowed)}.`;
        else message += '.';
        return {
          path: [...path, key],
          part: 'key',
          message,
          fix: suggestion ? { kind: 'rename', title: `Rename \`${key}\` to \`${suggestion}\``, pointer: [...path, key], key: suggestion } : undefined,
        };
      }
      case 'required': {
        const missing = String(params.missingProperty);
        const description = this.descriptionOf(error, missing);
        const subject = path.length ? `\`${dottedPath(path)}\`` : 'The file';
        return {
          path,
          part: 'key',
          message: `${subject} is missing the required key \`${missing}\`${description ? ` (${description})` : ''}.`,
        };
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]) ?? [];
        const suggestion = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
        return {
          path,
          part: 'value',
          message:
            `${show(value)} is not a valid ${name} ${where}` +
            (suggestion ? `; did you mean \`${suggestion}\`?` : '.') +
            ` Valid values: ${orList(allowed)}.`,
          fix: suggestion ? { kind: 'replace', title: `Change to \`${suggestion}\``, pointer: path, value: suggestion } : undefined,
        };
      }
      case 'const': {
        const expected = params.allowedValue;
        if (path.length === 1 && path[0] === 'dbarch') {
          return { path, part: 'value', message: `\`dbarch\` must be ${show(expected)}: it is the version of the file format, and 1 is the only one.` };
        }
        return { path, part: 'value', message: `${name} ${where} must be ${show(expected)}.` };
      }
      case 'type': {
        const expected = String(params.type)
          .split(',')
          .map((type) => typeName(type));
        const actual = jsonType(value);
        const accepted = expected.length > 1 ? `${expected.slice(0, -1).join(', ')}, or ${expected[expected.length - 1]}` : expected[0];
        let message = `${capitalise(name)} ${where} must be ${accepted}, not ${article(actual)}.`;
        if (path.length === 0) message = `An architecture file must be a mapping of keys (\`dbarch: 1\`, \`name\`, \`databases\`, ...), not ${article(actual)}.`;
        if (actual === 'string' && expected.some((type) => type.includes('number') || type.includes('integer')) && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
          message += ' Remove the quotes around the number.';
        }
        if (actual === 'string' && expected.includes('true or false') && typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
          message += ' Remove the quotes around the boolean.';
        }
        if (actual === 'null') message = `${capitalise(name)} ${where} has no value: it must be ${accepted}.`;
        return { path, part: 'value', message };
      }
      case 'pattern': {
        if (params.propertyName !== undefined || (error.propertyName !== undefined && error.propertyName !== '')) return undefined;
        return { path, part: 'value', message: `${show(value)} is not a valid ${name} ${where}: ${this.patternHint(String(params.pattern))}.` };
      }
      case 'propertyNames': {
        const key = String(params.propertyName);
        return {
          path: [...path, key],
          part: 'key',
          message: `\`${key}\` is not a valid name ${path.length ? `in ${dottedPath(path)}` : 'at the top level'}: names use lower-case letters, digits and hyphens, start with a letter and are at most 63 characters long (like \`orders-replica-1\`).`,
        };
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const comparison = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'greater than', exclusiveMaximum: 'less than' }[error.keyword];
        return { path, part: 'value', message: `${capitalise(name)} ${where} must be ${comparison} ${params.limit}; it is ${show(value)}.` };
      }
      case 'multipleOf':
        return { path, part: 'value', message: `${capitalise(name)} ${where} must be a multiple of ${params.multipleOf}; it is ${show(value)}.` };
      case 'minLength':
        return { path, part: 'value', message: `${capitalise(name)} ${where} must not be empty.` };
      case 'maxLength':
        return { path, part: 'value', message: `${capitalise(name)} ${where} must be at most ${params.limit} characters long.` };
      case 'minItems':
        return { path, part: 'value', message: `${capitalise(name)} ${where} must list at least ${params.limit} ${Number(params.limit) === 1 ? 'item' : 'items'}.` };
      case 'maxItems':
        return { path, part: 'value', message: `${capitalise(name)} ${where} may list at most ${params.limit} items.` };
      case 'uniqueItems':
        return { path: [...path, Number(params.i)], part: 'value', message: `${capitalise(name)} ${where} lists the same value twice (items ${Number(params.j) + 1} and ${Number(params.i) + 1}).` };
      case 'minProperties':
        return { path, part: 'key', message: `${capitalise(name)} ${where} must not be empty.` };
      case 'format':
        return { path, part: 'value', message: `${show(value)} is not a valid ${params.format} ${where}.` };
      default:
        return { path, part: 'auto', message: `${capitalise(name)} ${where} is not valid: ${error.message ?? error.keyword}.` };
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
    return typeof service === 'string' ? `${service} database` : 'object';
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
    if (is('az')) return 'an Availability Zone is written like `ap-northeast-2a` (the Region code and a letter)';
    if (is('region')) return 'a Region is written like `ap-northeast-2`';
    if (is('name')) return 'names use lower-case letters, digits and hyphens, start with a letter and are at most 63 characters long (like `orders-replica-1`)';
    if (is('reference')) return 'a reference is a name like `orders`, or `database/member` like `orders/orders-replica-1`';
    if (is('cidr')) return 'a CIDR block is written like `10.0.1.0/24`';
    return `it must match \`${pattern}\``;
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

/** "in databases.orders" / "at the top level". */
function describePlace(path: readonly PathSegment[]): string {
  const parent = path.slice(0, -1);
  return parent.length ? `in ${dottedPath(parent)}` : 'at the top level';
}

function show(value: unknown): string {
  if (typeof value === 'string') return '`' + (value.length > 60 ? value.slice(0, 57) + '...' : value) + '`';
  if (value === undefined) return 'nothing';
  return '`' + JSON.stringify(value) + '`';
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeName(type: string): string {
  switch (type) {
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'null':
      return 'empty';
    default:
      return type;
  }
}

function article(type: string): string {
  if (type === 'null') return 'empty';
  if (type === 'boolean') return 'true or false';
  return (/^[aeiou]/.test(type) ? 'an ' : 'a ') + type;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
