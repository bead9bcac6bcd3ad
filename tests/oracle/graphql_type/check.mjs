// Oracle for Cohort's type system: for each case the C++ driver wrote, graphql-js 16 rebuilds the
// schema from an introspection result (buildClientSchema) and must print exactly our SDL
// (printSchema) and introspect to exactly our JSON (introspectionFromSchema), key order included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, printSchema, introspectionFromSchema, version } from 'graphql';

const dir = process.argv[2];
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function firstDifference(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); ++i) {
    if (la[i] !== lb[i]) {
      return `line ${i + 1}:\n  graphql-js: ${JSON.stringify(la[i])}\n  cohort:     ${JSON.stringify(lb[i])}`;
    }
  }
  return 'no line differs';
}

function jsonDifference(a, b, path = '$') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    return `${path}: graphql-js ${JSON.stringify(a)?.slice(0, 200)} vs cohort ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  if (a === null || typeof a !== 'object') {
    return a === b ? null : `${path}: graphql-js ${JSON.stringify(a)} vs cohort ${JSON.stringify(b)}`;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join(',') !== kb.join(',')) return `${path}: keys graphql-js [${ka}] vs cohort [${kb}]`;
  for (const k of ka) {
    const label = Array.isArray(a) ? `${path}[${k}]${a[k]?.name ? `(${a[k].name})` : ''}` : `${path}.${k}`;
    const d = jsonDifference(a[k], b[k], label);
    if (d) return d;
  }
  return null;
}

let passed = 0;
let failed = 0;
for (const c of manifest.cases) {
  const source = JSON.parse(readFileSync(c.source, 'utf8'));
  const ours = JSON.parse(readFileSync(join(dir, c.name + '.json'), 'utf8'));
  const ourSdl = readFileSync(join(dir, c.name + '.graphql'), 'utf8');
  let schema;
  try {
    schema = buildClientSchema(source.data ?? source);
  } catch (e) {
    console.log(`FAIL ${c.name}: buildClientSchema threw: ${e.message}`);
    ++failed;
    continue;
  }
  const sdl = printSchema(schema);
  if (sdl === ourSdl) {
    console.log(`ok   ${c.name}: printSchema (${sdl.length} chars)`);
    ++passed;
  } else {
    console.log(`FAIL ${c.name}: printSchema differs at ${firstDifference(sdl, ourSdl)}`);
    ++failed;
  }
  const introspection = introspectionFromSchema(schema);
  const diff = JSON.stringify(introspection) === JSON.stringify(ours)
    ? null
    : jsonDifference(introspection, ours) ?? 'key order differs';
  if (!diff) {
    console.log(`ok   ${c.name}: introspectionFromSchema (${introspection.__schema.types.length} types)`);
    ++passed;
  } else {
    console.log(`FAIL ${c.name}: introspectionFromSchema differs: ${diff}`);
    ++failed;
  }
}
console.log(`graphql ${version}: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
