// Fetches a server's /metadata introspection with graphql-js's own introspection query and
// builds it with buildClientSchema, as a client's code generator would; prints the type count or
// the error and exits non-zero on failure.
//   node build_client_schema.mjs <base url> <bearer token>
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [base, token] = process.argv.slice(2);
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
const response = await fetch(base + '/metadata', {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
  body: JSON.stringify({ query: graphql.getIntrospectionQuery({ descriptions: true }) }),
});
const body = await response.json();
if (body.errors) {
  console.error('introspection failed: ' + JSON.stringify(body.errors));
  process.exit(1);
}
try {
  const schema = graphql.buildClientSchema(body.data);
  const errors = graphql.validateSchema(schema);
  if (errors.length) {
    console.error('invalid schema: ' + errors.map((e) => e.message).join('; '));
    process.exit(1);
  }
  const object = schema.getType('Object');
  console.log(`types=${Object.keys(schema.getTypeMap()).length} objectFields=${Object.keys(object.getFields()).length}`);
} catch (e) {
  console.error('buildClientSchema failed: ' + e.message);
  process.exit(1);
}
