// Runs graphql-http's server audit (the GraphQL-over-HTTP spec's MUST, SHOULD and MAY checks)
// against oracle_graphql_http_server and prints one line per audit and a summary line. Fails
// when a MUST or SHOULD audit fails (graphql-yoga 5, Twenty's server, passes all of them); a
// failed MAY audit is reported but does not fail the test.
//   node run_audit.mjs <server-binary>
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { serverAudits } from 'graphql-http';

const binary = process.argv[2];
if (!binary) {
  console.error('usage: node run_audit.mjs <server-binary>');
  process.exit(2);
}

const server = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
const stop = () => server.stdin.end();
const timer = setTimeout(() => {
  console.error('audit: timed out');
  server.kill('SIGKILL');
  process.exit(1);
}, 120_000);

const port = await new Promise((resolve, reject) => {
  const lines = createInterface({ input: server.stdout });
  lines.on('line', (line) => {
    const m = /^port (\d+)$/.exec(line);
    if (m) resolve(Number(m[1]));
  });
  server.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
});

const url = `http://127.0.0.1:${port}/graphql`;
let results;
try {
  results = await Promise.all(serverAudits({ url }).map((audit) => audit.fn()));
} finally {
  stop();
}

let failedRequired = 0;
for (const r of results) {
  const level = r.name.split(' ')[0];
  console.log(`${r.status === 'ok' ? 'ok  ' : 'FAIL'} ${r.id} ${r.name}${r.reason ? ' — ' + r.reason : ''}`);
  if (r.status !== 'ok' && (level === 'MUST' || level === 'SHOULD')) ++failedRequired;
}
const passed = results.filter((r) => r.status === 'ok').length;
const failed = results.length - passed;
const byLevel = (level) => results.filter((r) => r.name.startsWith(level));
const count = (level) => `${level} ${byLevel(level).filter((r) => r.status === 'ok').length}/${byLevel(level).length}`;
console.log(`graphql-http audit: ${count('MUST')}, ${count('SHOULD')}, ${count('MAY')}`);
console.log(`${passed} passed, ${failed} failed`);

await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.on('exit', resolve)));
clearTimeout(timer);
process.exit(failedRequired === 0 ? 0 : 1);
