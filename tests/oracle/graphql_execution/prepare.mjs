// graphql-js side of the execution oracle: writes the schema's introspection (the driver rebuilds
// the same schema from it), the cases graphql-js validates, and what graphql-js `execute` answers
// for each, as JSON text (the wire form the driver must reproduce byte for byte).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema, parse, validate, execute, version } from 'graphql';
import { cases } from './cases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
const schema = buildSchema(readFileSync(join(here, 'schema.graphql'), 'utf8'));
const data = JSON.parse(readFileSync(join(here, 'data.json'), 'utf8'));
writeFileSync(join(out, 'introspection.json'), JSON.stringify(introspectionFromSchema(schema)));

const lines = [];
const expected = [];
let invalid = 0;
for (const c of cases) {
  const document = parse(c.q);
  const errors = validate(schema, document);
  const valid = errors.length === 0;
  if (!valid) ++invalid;
  lines.push(JSON.stringify({ query: c.q, variables: c.v ?? {}, operationName: c.op ?? null, compare: valid }));
  if (valid) {
    const result = execute({ schema, document, rootValue: data, variableValues: c.v ?? {}, operationName: c.op });
    if (typeof result.then === 'function') throw new Error('graphql-js answered asynchronously');
    expected.push(JSON.stringify(result));
  } else {
    expected.push('');
  }
}
writeFileSync(join(out, 'cases.jsonl'), lines.join('\n') + '\n');
writeFileSync(join(out, 'expected.jsonl'), expected.join('\n') + '\n');
console.log(`graphql-js ${version}: ${cases.length} cases, ${invalid} invalid (executed by Cohort for robustness only)`);
