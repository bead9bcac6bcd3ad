// Compares Cohort's validate() with graphql-js 16 validate(schema, doc, specifiedRules) on every
// case of corpus/*.graphql, against one schema: schema.graphql built by graphql-js, whose
// introspection both sides then rebuild with buildClientSchema.
//   node run_oracle.mjs <path to graphql_validation_oracle driver> [case-name filter]
// Corpus files hold cases each opened by a line `#--- <name> [maxErrors=N]`; a case is the text up
// to the next such line. Exits 1 listing every difference.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [driver, filter] = process.argv.slice(2);
if (!driver) {
  console.error('usage: node run_oracle.mjs <driver> [filter]');
  process.exit(2);
}
if (!existsSync(join(here, 'node_modules', 'graphql', 'package.json'))) {
  const npm = spawnSync('npm', ['ci', '--silent', '--no-audit', '--no-fund'], {
    cwd: here,
    stdio: 'inherit',
  });
  if (npm.status !== 0) {
    console.error('npm ci failed in ' + here);
    process.exit(2);
  }
}
const graphql = await import(join(here, 'node_modules', 'graphql', 'index.mjs'));

const cases = [];
const seen = new Set();
for (const file of readdirSync(join(here, 'corpus')).sort()) {
  if (!file.endsWith('.graphql')) continue;
  let current = null;
  readFileSync(join(here, 'corpus', file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const header = /^#--- (\S+)(.*)$/.exec(line);
      if (header) {
        if (current) cases.push(current);
        current = { file, line: i + 1, name: header[1], lines: [] };
        for (const [, key, value] of header[2].matchAll(/(\w+)=(\S+)/g)) {
          current[key] = Number(value);
        }
      } else if (current) {
        current.lines.push(line);
      }
    });
  if (current) cases.push(current);
}
for (const c of cases) {
  c.source = c.lines.join('\n');
  delete c.lines;
  if (seen.has(c.name)) {
    console.error(`duplicate case name ${c.name} (${c.file}:${c.line})`);
    process.exit(2);
  }
  seen.add(c.name);
}
const selected = filter ? cases.filter((c) => c.name.includes(filter)) : cases;

const sdlSchema = graphql.buildSchema(readFileSync(join(here, 'schema.graphql'), 'utf8'));
const introspection = graphql.introspectionFromSchema(sdlSchema);
const schema = graphql.buildClientSchema(introspection);

function expected(c) {
  let doc;
  try {
    doc = graphql.parse(c.source);
  } catch (e) {
    return { name: c.name, syntax: e.message };
  }
  const options = c.maxErrors !== undefined ? { maxErrors: c.maxErrors } : undefined;
  const errors = graphql.validate(schema, doc, graphql.specifiedRules, options).map((e) => ({
    message: e.message,
    locations: e.locations ?? [],
  }));
  return { name: c.name, errors };
}

const work = mkdtempSync(join(tmpdir(), 'gql-validation-oracle-'));
writeFileSync(join(work, 'introspection.json'), JSON.stringify(introspection));
writeFileSync(
  join(work, 'cases.json'),
  JSON.stringify(selected.map(({ name, source, maxErrors }) => ({ name, source, maxErrors }))),
);
const run = spawnSync(driver, [join(work, 'introspection.json'), join(work, 'cases.json')], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.status !== 0) {
  console.error('driver failed:', run.status, run.stderr);
  process.exit(2);
}
const actual = new Map(JSON.parse(run.stdout).map((r) => [r.name, r]));

let failures = 0;
let withErrors = 0;
for (const c of selected) {
  const want = expected(c);
  const got = actual.get(c.name);
  if (want.errors && want.errors.length > 0) withErrors++;
  const a = JSON.stringify(got);
  const b = JSON.stringify(want);
  if (a !== b) {
    failures++;
    console.log(`DIFF ${c.name} (${c.file}:${c.line})`);
    console.log(`  graphql-js: ${b}`);
    console.log(`  cohort:     ${a}`);
  }
}
console.log(
  `${selected.length} cases (${withErrors} invalid, ${selected.length - withErrors} valid), ` +
    `${failures} differences`,
);
process.exit(failures === 0 ? 0 : 1);
