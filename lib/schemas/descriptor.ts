/**
 * The compact form of a payload schema that generated validators embed, compiled from the zod
 * schemas' JSON Schema, plus the wording of validation errors. parsePayload (zod) and the
 * generated validators (no zod) both word their errors through this file's rules, so a
 * payload gets the same message from either.
 */
import { z } from 'zod';

/**
 * A schema node: `s` string, `n` number, `i` integer, `b` boolean, `z` null, `o` any object,
 * `a` any array, `u` any value; `['=', ...values]` one of these JSON values; `['|', ...options]`
 * any option; `['a', item]` array of item; `['o', key, node, ...]` object whose listed keys are
 * checked in order (a key starting with `?` is optional) and whose other keys are ignored.
 */
export type Descriptor =
  | 's'
  | 'n'
  | 'i'
  | 'b'
  | 'z'
  | 'o'
  | 'a'
  | 'u'
  | readonly ['=', ...(string | number | boolean | null)[]]
  | readonly ['|', ...Descriptor[]]
  | readonly ['a', Descriptor]
  | readonly ['o', ...(string | Descriptor)[]];

type JsonSchemaNode = { readonly [keyword: string]: unknown };

/** Names of the one-letter nodes in error messages. */
const PRIMITIVE_NAMES = {
  s: 'string',
  n: 'number',
  i: 'integer',
  b: 'boolean',
  z: 'null',
  o: 'object',
  a: 'array',
  u: 'any value',
} as const;

/** Keywords that carry no constraint: documentation and our open-enum metadata. */
const IGNORED_KEYWORDS = new Set(['$schema', 'description', 'title', 'examples', 'knownValues']);

const cache = new WeakMap<z.ZodType, Descriptor>();

/** The descriptor of a zod schema (cached). Throws on anything a validator could not enforce exactly. */
export function descriptorOf(schema: z.ZodType): Descriptor {
  let descriptor = cache.get(schema);
  if (descriptor === undefined) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline', cycles: 'throw' });
    descriptor = compile(json as JsonSchemaNode, 'payload');
    cache.set(schema, descriptor);
  }
  return descriptor;
}

function unsupported(at: string, why: string): never {
  throw new Error(
    `lib/schemas: cannot generate a validator for ${at}: ${why}. ` +
      'Express the field with what lib/schemas/descriptor.ts supports, or teach it (and the codegen runtime) the new construct.',
  );
}

/** Rejects keywords other than `allowed` so that no constraint is silently dropped. */
function onlyKeywords(node: JsonSchemaNode, at: string, allowed: readonly string[]): void {
  for (const keyword of Object.keys(node)) {
    if (!IGNORED_KEYWORDS.has(keyword) && !allowed.includes(keyword)) unsupported(at, `keyword "${keyword}"`);
  }
}

function isEmptySchema(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).every((k) => IGNORED_KEYWORDS.has(k));
}

function compile(node: JsonSchemaNode, at: string): Descriptor {
  if (Array.isArray(node.anyOf)) {
    onlyKeywords(node, at, ['anyOf']);
    return ['|', ...node.anyOf.map((option: JsonSchemaNode) => compile(option, at))];
  }
  if ('const' in node || 'enum' in node) {
    onlyKeywords(node, at, ['type', 'const', 'enum']);
    const values: unknown[] = 'const' in node ? [node.const] : Array.isArray(node.enum) ? node.enum : [];
    for (const value of values) {
      if (value !== null && typeof value === 'object') unsupported(at, 'a non-primitive literal');
    }
    return ['=', ...(values as (string | number | boolean | null)[])];
  }
  const { type } = node;
  if (Array.isArray(type)) {
    // z.string().nullable() becomes `type: ["string", "null"]`: the same as an anyOf.
    return ['|', ...type.map((one: unknown) => compile({ ...node, type: one }, at))];
  }
  switch (type) {
    case undefined:
      if (!isEmptySchema(node)) unsupported(at, 'a schema without a type');
      return 'u';
    case 'string':
      onlyKeywords(node, at, ['type']);
      return 's';
    case 'number':
      onlyKeywords(node, at, ['type']);
      return 'n';
    case 'integer':
      // z.int() adds the safe-integer bounds, which Number.isSafeInteger checks; other bounds are not supported.
      onlyKeywords(node, at, ['type', 'minimum', 'maximum']);
      if (
        (node.minimum !== undefined && node.minimum !== Number.MIN_SAFE_INTEGER) ||
        (node.maximum !== undefined && node.maximum !== Number.MAX_SAFE_INTEGER)
      ) {
        unsupported(at, 'integer bounds other than the safe-integer range');
      }
      return 'i';
    case 'boolean':
      onlyKeywords(node, at, ['type']);
      return 'b';
    case 'null':
      onlyKeywords(node, at, ['type']);
      return 'z';
    case 'array': {
      onlyKeywords(node, at, ['type', 'items']);
      if (node.items === undefined || isEmptySchema(node.items)) return 'a';
      return ['a', compile(node.items as JsonSchemaNode, `${at}[]`)];
    }
    case 'object':
      return compileObject(node, at);
    default:
      return unsupported(at, `type ${JSON.stringify(type)}`);
  }
}

function compileObject(node: JsonSchemaNode, at: string): Descriptor {
  onlyKeywords(node, at, ['type', 'properties', 'required', 'additionalProperties', 'propertyNames']);
  if (node.additionalProperties !== undefined && !isEmptySchema(node.additionalProperties)) {
    unsupported(at, 'unknown keys are rejected or typed (use z.looseObject, or z.record(z.string(), z.unknown()))');
  }
  const names = node.propertyNames as JsonSchemaNode | undefined;
  if (names !== undefined && !(Object.keys(names).length === 1 && names.type === 'string')) {
    unsupported(at, 'constrained record keys');
  }
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const entries: (string | Descriptor)[] = [];
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, JsonSchemaNode>)) {
    const path = `${at === 'payload' ? '' : `${at}.`}${key}`;
    // `?` marks optional keys; a prototype key would be read from Object.prototype when absent.
    if (key.startsWith('?') || key in Object.prototype) unsupported(path, 'a key named like this');
    const descriptor = compile(child, path);
    const optional = !required.has(key);
    // An optional key that accepts anything can never fail: leave it out of the validator.
    if (optional && descriptor === 'u') continue;
    entries.push(optional ? `?${key}` : key, descriptor);
  }
  return entries.length === 0 ? 'o' : ['o', ...entries];
}

/** What a node accepts, as error messages word it: `string`, `string or null`, `"PreToolUse"`. */
export function expectedName(descriptor: Descriptor): string {
  if (typeof descriptor === 'string') return PRIMITIVE_NAMES[descriptor];
  switch (descriptor[0]) {
    case '=':
      return descriptor
        .slice(1)
        .map((value) => JSON.stringify(value))
        .join(' or ');
    case '|':
      return (descriptor.slice(1) as Descriptor[]).map(expectedName).join(' or ');
    case 'a':
      return 'array';
    default:
      return 'object';
  }
}

/** The node that describes the value at `path`, following object keys and array items. */
export function descriptorAt(descriptor: Descriptor, path: readonly PropertyKey[]): Descriptor {
  let node = descriptor;
  for (const key of path) {
    const next =
      typeof node === 'string'
        ? undefined
        : node[0] === 'a' && typeof key === 'number'
          ? node[1]
          : node[0] === 'o' && typeof key === 'string'
            ? objectChild(node, key)
            : undefined;
    if (next === undefined) throw new Error(`lib/schemas: no schema node at ${formatPath(path)}`);
    node = next;
  }
  return node;
}

function objectChild(node: readonly (string | Descriptor)[], key: string): Descriptor | undefined {
  for (let i = 1; i < node.length; i += 2) {
    if (node[i] === key || node[i] === `?${key}`) return node[i + 1] as Descriptor;
  }
  return undefined;
}

/** How an error message names the value it got: `nothing` when absent, else its JSON-ish type. */
export function typeName(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** How a literal mismatch names the value it got: the string itself (quoted, cut at 40 chars), else its type. */
export function literalName(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : typeName(value);
}

/** `tool_calls[0].tool_name`; the root is called `payload`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  }
  return text || 'payload';
}

/** The one-line error both validators produce: `<path>: expected <what>, got <what>`. */
export function formatError(path: readonly PropertyKey[], descriptor: Descriptor, got: string): string {
  return `${formatPath(path)}: expected ${expectedName(descriptor)}, got ${got}`;
}
