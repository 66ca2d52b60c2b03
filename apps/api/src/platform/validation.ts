import type { ErrorDetail } from '@unionhub/contracts';
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const common: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/**
 * Bodies are checked as sent (no coercion: a number sent as a string is a wrong type). Query
 * strings, params and headers arrive as text, so they are coerced to the declared types.
 */
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
const textAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

function dotted(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Turns ajv errors into the API's details: one entry per problem, naming the field. */
export function detailsFromAjv(part: string, errors: ErrorObject[]): ErrorDetail[] {
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    let path = [part, dotted(e.instancePath)].filter(Boolean).join('.');
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'additionalProperties') {
      path = `${path}.${(e.params as { additionalProperty: string }).additionalProperty}`;
      message = 'unknown field';
    } else if (e.keyword === 'required') {
      path = `${path}.${(e.params as { missingProperty: string }).missingProperty}`;
      message = 'is required';
    } else if (e.keyword === 'enum' || e.keyword === 'const') {
      const allowed = (e.params as { allowedValues?: unknown[]; allowedValue?: unknown }).allowedValues ?? [
        (e.params as { allowedValue?: unknown }).allowedValue,
      ];
      message = `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
    }
    // anyOf over literals reports each branch; collapse them into one message per path.
    if (e.keyword === 'anyOf') continue;
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  // Collapse "must be equal to constant" repeats from literal unions into one line per path.
  const byPath = new Map<string, ErrorDetail[]>();
  for (const d of out) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  const merged: ErrorDetail[] = [];
  for (const [path, list] of byPath) {
    const consts = list.filter((d) => d.message.startsWith('must be one of '));
    if (consts.length > 1) {
      const values = consts.map((d) => d.message.replace('must be one of ', '')).join(', ');
      merged.push({ path, message: `must be one of ${values}` });
      merged.push(
        ...list.filter((d) => !d.message.startsWith('must be one of ') && d.message !== 'must be string'),
      );
    } else merged.push(...list);
  }
  return merged;
}
