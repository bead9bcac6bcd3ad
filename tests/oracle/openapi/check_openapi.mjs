// Checks Cohort's OpenAPI documents with the tools integrators use (pinned in package.json):
//   node check_openapi.mjs <server base URL> <token> [--validate-only]
// 1. GET /rest/open-api/core and /rest/open-api/metadata with the token;
// 2. each validates against the OpenAPI 3.1 schema (@seriousme/openapi-schema-validator) and its
//    $refs resolve; `redocly lint` finds no error; every list answer (records at depth=1, and the
//    metadata lists) follows the schema its document gives it (Ajv, JSON Schema 2020-12), and a
//    few objects' create examples are accepted, their write answers following their schemas;
// 3. unless --validate-only: openapi-typescript generates the types of the core document, tsc
//    compiles people_client.ts against them, and the compiled client (openapi-fetch) creates,
//    lists, updates and deletes a person on the server.
// Prints one line per step; exits 1 on the first failure, 2 when the tools cannot be installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const validateOnly = args.includes('--validate-only');
const [baseUrl, token] = args.filter((a) => !a.startsWith('--'));
if (!baseUrl || !token) {
  console.error('usage: node check_openapi.mjs <base URL> <token> [--validate-only]');
  process.exit(2);
}

function fail(message) {
  console.error('FAIL ' + message);
  process.exit(1);
}

// A fresh clone has no node_modules: install the pinned tools from package-lock.json.
const needed = ['@seriousme/openapi-schema-validator', '@redocly/cli', 'openapi-typescript',
  'openapi-fetch', 'typescript'];
if (!needed.every((p) => existsSync(join(here, 'node_modules', p, 'package.json')))) {
  const npm = spawnSync('npm', ['ci', '--silent', '--no-audit', '--no-fund'], {
    cwd: here,
    stdio: 'inherit',
  });
  if (npm.status !== 0) {
    console.error('npm ci failed in ' + here);
    process.exit(2);
  }
}
const { Validator } = await import('@seriousme/openapi-schema-validator');

const generated = join(here, 'generated');
mkdirSync(generated, { recursive: true });

async function fetchDocument(name) {
  const res = await fetch(`${baseUrl}/rest/open-api/${name}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) fail(`GET /rest/open-api/${name} answered ${res.status}`);
  return res.json();
}

async function validate(name, document) {
  const started = performance.now();
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document));
  if (!result.valid) {
    fail(`${name} is not a valid OpenAPI ${document.openapi} document:\n` +
      JSON.stringify(result.errors, null, 1).slice(0, 4000));
  }
  validator.resolveRefs();  // throws on a $ref that points nowhere
  const ms = performance.now() - started;
  const paths = Object.keys(document.paths ?? {}).length;
  const schemas = Object.keys(document.components?.schemas ?? {}).length;
  console.log(`valid ${name}: OpenAPI ${validator.version}, ${paths} paths, ${schemas} schemas, ` +
    `validated in ${ms.toFixed(0)} ms`);
}

function lint(name, file) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(here, 'node_modules', '@redocly', 'cli', 'bin',
    'cli.js'), 'lint', file, '--format=json'], { cwd: here, encoding: 'utf8' });
  const ms = performance.now() - started;
  let report;
  try {
    report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  } catch {
    fail(`redocly lint ${name} printed no report (status ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  const problems = report.problems ?? [];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warn');
  if (errors.length > 0 || run.status !== 0) {
    fail(`redocly lint ${name}: ${errors.length} errors\n` +
      errors.slice(0, 10).map((e) => `  ${e.ruleId}: ${e.message} at ${e.location?.[0]?.pointer}`)
        .join('\n'));
  }
  const rules = [...new Set(warnings.map((w) => w.ruleId))].join(', ');
  console.log(`lint ${name}: 0 errors, ${warnings.length} warnings${rules ? ` (${rules})` : ''}, ` +
    `${ms.toFixed(0)} ms`);
}

const documents = { core: await fetchDocument('core'), metadata: await fetchDocument('metadata') };
for (const [name, document] of Object.entries(documents)) {
  await validate(name, document);
  const file = join(generated, `${name}.json`);
  writeFileSync(file, JSON.stringify(document, null, 1));
  lint(name, file);
}
// The server's answers follow the documents: every list (records with depth=1, so relations too)
// against the 200 schema its findMany operation declares.
async function checkAnswers(name, document, prefix, query) {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const started = performance.now();
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: `${name}.json` });
  let checked = 0;
  let records = 0;
  for (const [path, item] of Object.entries(document.paths)) {
    if (!item.get?.operationId?.startsWith('findMany')) continue;
    const pointer = path.replaceAll('~', '~0').replaceAll('/', '~1');
    const validate = ajv.getSchema(
      `${name}.json#/paths/${pointer}/get/responses/200/content/application~1json/schema`);
    const res = await fetch(`${baseUrl}${prefix}${path}?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = await res.json();
    if (res.status !== 200) fail(`GET ${prefix}${path} answered ${res.status}: ${JSON.stringify(body)}`);
    if (!validate(body)) {
      fail(`GET ${prefix}${path} does not answer what the document says:\n` +
        JSON.stringify(validate.errors.slice(0, 5), null, 1));
    }
    checked += 1;
    const items = Array.isArray(body) ? body : Object.values(body.data)[0];
    records += items.length;
  }
  console.log(`answers: ${checked} lists (${records} items) match the ${name} document, ` +
    `${(performance.now() - started).toFixed(0)} ms`);
}
await checkAnswers('core', documents.core, '/rest', 'limit=3&depth=1');

// Writes too: each object's create example, as the document gives it, is accepted by the server,
// and the create, update and delete answers follow their schemas.
async function checkWrites(document, plurals) {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'writes.json' });
  const schemaOf = (path, method, status) => ajv.getSchema(
    `writes.json#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/content/` +
    'application~1json/schema');
  const call = async (method, path, body) => {
    const res = await fetch(`${baseUrl}/rest${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const expectAnswer = (what, answer, status, validate) => {
    if (answer.status !== status) fail(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    if (!validate(answer.body)) {
      fail(`${what} does not answer what the document says:\n` +
        JSON.stringify(validate.errors.slice(0, 5), null, 1));
    }
  };
  for (const plural of plurals) {
    const post = document.paths[`/${plural}`].post;
    const example = post.requestBody.content['application/json'].example;
    const created = await call('POST', `/${plural}`, example);
    expectAnswer(`POST /rest/${plural} with the document's example`, created, 201,
      schemaOf(`/${plural}`, 'post', 201));
    const record = Object.values(created.body.data)[0];
    const updated = await call('PATCH', `/${plural}/${record.id}`, {});
    expectAnswer(`PATCH /rest/${plural}/{id}`, updated, 200, schemaOf(`/${plural}/{id}`, 'patch', 200));
    const deleted = await call('DELETE', `/${plural}/${record.id}`);
    expectAnswer(`DELETE /rest/${plural}/{id}`, deleted, 200, schemaOf(`/${plural}/{id}`, 'delete', 200));
  }
  console.log(`writes: the create examples of ${plurals.join(', ')} are accepted; create, update ` +
    'and delete answers match the core document');
}
await checkWrites(documents.core, ['people', 'companies', 'opportunities', 'notes', 'tasks']
  .filter((p) => documents.core.paths[`/${p}`]));
await checkAnswers('metadata', documents.metadata, '/rest/metadata', 'limit=3');

if (validateOnly) {
  console.log('OK');
  process.exit(0);
}

const { default: openapiTS, astToString } = await import('openapi-typescript');
let started = performance.now();
const ast = await openapiTS(documents.core);
writeFileSync(join(generated, 'core.d.ts'), astToString(ast));
console.log(`generated core.d.ts in ${(performance.now() - started).toFixed(0)} ms`);

started = performance.now();
const tsc = spawnSync(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'),
  '-p', join(here, 'tsconfig.json')], { cwd: here, encoding: 'utf8' });
if (tsc.status !== 0) fail(`people_client.ts does not compile against core.d.ts:\n${tsc.stdout}${tsc.stderr}`);
console.log(`compiled people_client.ts in ${(performance.now() - started).toFixed(0)} ms`);

const client = await import(pathToFileURL(join(generated, 'js', 'people_client.js')).href);
try {
  for (const line of await client.runPeopleClient(baseUrl + '/rest', token)) console.log('client ' + line);
} catch (error) {
  fail(`the generated client failed: ${error.message}`);
}
console.log('OK');
