// Checks JSON bodies against the schemas of the OpenAPI document, so the tests hold the server
// to docs/api/openapi.yaml. The document comes from EENPLAN_OPENAPI (a JSON file, as written by
// scripts/openapi-to-json; tests/api/run.sh sets it) or else from the server's
// /api/v1/openapi.json.
//
// Supported: $ref, allOf, nullable, type, enum, required, properties, additionalProperties, items,
// minLength/maxLength, minimum/maximum, pattern, format (date, date-time, uuid, uri).
// Stricter than OpenAPI on purpose: a response property that the schema does not declare is an
// error (undocumented fields are contract drift, and may leak data).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, API_PREFIX } from './api.mjs';

let specPromise = null;

export function loadSpec() {
  if (!specPromise) {
    specPromise = (async () => {
      const file = process.env.EENPLAN_OPENAPI;
      if (file) return JSON.parse(await readFile(file, 'utf8'));
      const res = await fetch(`${BASE_URL}${API_PREFIX}/openapi.json`);
      if (res.status !== 200) throw new Error(`cannot load the OpenAPI document: GET ${API_PREFIX}/openapi.json → ${res.status}; set EENPLAN_OPENAPI to a JSON file (scripts/openapi-to-json)`);
      return res.json();
    })();
  }
  return specPromise;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isCalendarDate(s) {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function resolve(spec, schema) {
  let s = schema;
  const seen = new Set();
  while (s && s.$ref) {
    if (seen.has(s.$ref)) throw new Error(`circular $ref ${s.$ref}`);
    seen.add(s.$ref);
    const parts = s.$ref.replace(/^#\//, '').split('/');
    s = parts.reduce((node, key) => (node ? node[key] : undefined), spec);
    if (!s) throw new Error(`unresolvable $ref ${[...seen].pop()}`);
  }
  return s;
}

/** Properties declared by a schema, through allOf. */
function declaredProperties(spec, schema) {
  const s = resolve(spec, schema);
  const names = new Set(Object.keys(s.properties || {}));
  for (const part of s.allOf || []) for (const n of declaredProperties(spec, part)) names.add(n);
  return names;
}

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function validate(spec, schemaIn, value, path, errors, { strict = true } = {}) {
  const schema = resolve(spec, schemaIn);
  if (value === null) {
    const nullable = schema.nullable === true;
    if (!nullable) errors.push(`${path}: null is not allowed`);
    return;
  }
  if (schema.allOf) {
    for (const part of schema.allOf) validate(spec, part, value, path, errors, { strict: false });
  }
  if (schema.type) {
    const t = typeOf(value);
    const ok = t === schema.type || (schema.type === 'number' && t === 'integer');
    if (!ok) { errors.push(`${path}: expected ${schema.type}, got ${t} ${JSON.stringify(value).slice(0, 60)}`); return; }
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: ${JSON.stringify(value)} does not match /${schema.pattern}/`);
    if (schema.format === 'date' && !isCalendarDate(value)) errors.push(`${path}: ${JSON.stringify(value)} is not a date (YYYY-MM-DD)`);
    if (schema.format === 'date-time' && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) errors.push(`${path}: ${JSON.stringify(value)} is not an RFC 3339 UTC instant ending in Z`);
    if (schema.format === 'uuid' && !UUID.test(value)) errors.push(`${path}: ${JSON.stringify(value)} is not a lower-case UUID`);
    if (schema.format === 'uri' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) errors.push(`${path}: ${JSON.stringify(value)} is not a URI`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: ${value} < minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: ${value} > maximum ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => validate(spec, schema.items, item, `${path}[${i}]`, errors));
  }
  if (typeOf(value) === 'object') {
    for (const name of schema.required || []) {
      if (!(name in value)) errors.push(`${path}: required property "${name}" is missing`);
    }
    for (const [name, sub] of Object.entries(schema.properties || {})) {
      if (name in value) validate(spec, sub, value[name], `${path}.${name}`, errors);
    }
    if (strict) {
      const declared = declaredProperties(spec, schema);
      const extra = schema.additionalProperties;
      for (const name of Object.keys(value)) {
        if (declared.has(name)) continue;
        if (extra === true || (extra && typeof extra === 'object')) {
          if (typeof extra === 'object') validate(spec, extra, value[name], `${path}.${name}`, errors);
        } else if (declared.size > 0 || extra === false) {
          errors.push(`${path}: property "${name}" is not in the schema`);
        }
      }
    }
  }
}

/** Asserts that `value` matches components.schemas[name]; the message lists every mismatch. */
export async function assertSchema(value, name, context = '') {
  const spec = await loadSpec();
  const schema = spec.components && spec.components.schemas && spec.components.schemas[name];
  assert.ok(schema, `the OpenAPI document has no schema "${name}"`);
  const errors = [];
  validate(spec, schema, value, name, errors);
  if (errors.length > 0) {
    assert.fail(`${context ? `${context}: ` : ''}body does not match schema ${name}:\n  ${errors.slice(0, 20).join('\n  ')}`);
  }
}
