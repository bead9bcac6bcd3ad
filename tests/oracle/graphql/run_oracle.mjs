// Compares Cohort's GraphQL parser with graphql-js on every case of corpus/parse.
//   node run_oracle.mjs <path to graphql_parse_oracle driver> [case-name filter]
// Corpus files: *.graphql holds cases each opened by a line `#--- <name> [mode=value|const_value|
// type|schema_coordinate] [maxTokens=N]` (the case is the text up to the next such line, without its final line
// break); *.jsonl holds {"name", "source", "mode"?, "maxTokens"?} per line, for sources a text
// file cannot carry (\r, BOM, trailing blanks). Exits 1 listing every difference.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [driver, filter] = process.argv.slice(2);
if (!driver) {
  console.error('usage: node run_oracle.mjs <driver> [filter]');
  process.exit(2);
}

// A fresh clone has no node_modules: install the pinned graphql-js from package-lock.json.
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

function loadCorpus() {
  const dir = join(here, 'corpus', 'parse');
  const cases = [];
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.jsonl')) {
      text.split('\n').forEach((line, i) => {
        if (line.trim() === '') return;
        const c = JSON.parse(line);
        cases.push({ file, line: i + 1, mode: 'document', ...c });
      });
    } else if (file.endsWith('.graphql')) {
      let current = null;
      text.split('\n').forEach((line, i) => {
        const header = /^#--- (\S+)(.*)$/.exec(line);
        if (header) {
          if (current) cases.push(current);
          current = { file, line: i + 1, name: header[1], mode: 'document', lines: [] };
          for (const [, key, value] of header[2].matchAll(/(\w+)=(\S+)/g)) {
            current[key] = key === 'maxTokens' ? Number(value) : value;
          }
        } else if (current) {
          current.lines.push(line);
        }
      });
      if (current) cases.push(current);
    }
  }
  for (const c of cases) {
    if (c.lines) {
      if (c.lines.length > 0 && c.lines[c.lines.length - 1] === '') c.lines.pop();
      c.source = c.lines.join('\n');
      delete c.lines;
    }
  }
  return cases;
}

function reference(c) {
  const options = c.maxTokens !== undefined ? { maxTokens: c.maxTokens } : undefined;
  const parsers = {
    document: graphql.parse,
    value: graphql.parseValue,
    const_value: graphql.parseConstValue,
    type: graphql.parseType,
    schema_coordinate: graphql.parseSchemaCoordinate,
  };
  try {
    const ast = parsers[c.mode](c.source, options);
    if (c.mode === 'schema_coordinate') return { print: graphql.print(ast) };
    const locs = [];
    graphql.visit(ast, {
      enter(node) {
        locs.push(`${node.kind} ${node.loc.start} ${node.loc.end}`);
      },
    });
    return { print: graphql.print(ast), locs: locs.join(';') };
  } catch (e) {
    if (!(e instanceof graphql.GraphQLError)) throw e;
    return { error: e.message, locations: e.locations };
  }
}

const cases = loadCorpus().filter((c) => !filter || c.name.includes(filter));
const names = new Set();
for (const c of cases) {
  if (names.has(c.name)) console.error(`warning: case name ${c.name} is used twice`);
  names.add(c.name);
}
const input = cases
  .map((c) => JSON.stringify({ source: c.source, mode: c.mode, maxTokens: c.maxTokens }))
  .join('\n');
const run = spawnSync(driver, [], { input: input + '\n', maxBuffer: 1 << 28, encoding: 'utf8' });
if (run.status !== 0) {
  console.error(`driver failed (status ${run.status}, signal ${run.signal}):\n${run.stderr}`);
  process.exit(1);
}
const actual = run.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
if (actual.length !== cases.length) {
  console.error(`driver answered ${actual.length} of ${cases.length} cases`);
  process.exit(1);
}

let failures = 0;
let errors = 0;
cases.forEach((c, i) => {
  const want = reference(c);
  const got = actual[i];
  if ('error' in want) ++errors;
  const normalize = (r) =>
    JSON.stringify(
      'error' in r ? { error: r.error, locations: r.locations } : { print: r.print, locs: r.locs },
    );
  if (normalize(want) !== normalize(got)) {
    ++failures;
    console.log(`DIFF ${c.name} (${c.file}:${c.line})`);
    console.log(`  source:     ${JSON.stringify(c.source)}`);
    console.log(`  graphql-js: ${normalize(want)}`);
    console.log(`  cohort:     ${normalize(got)}`);
  }
});
console.log(
  `${cases.length} cases (${cases.length - errors} valid, ${errors} invalid), ${failures} differ`,
);
process.exit(failures === 0 ? 0 : 1);
