// graphql-js side of bench_graphql_execute: the same Twenty people query against the golden
// workspace schema (buildClientSchema), 20 people as the root value, default resolvers.
// Prints two medians in microseconds: parse+validate+execute, and execute alone.
//   node execute_bench.mjs <graphql module dir> <introspection.json> <data.json> <query file> <n>
const [, , graphqlDir, introspectionPath, dataPath, queryPath, count] = process.argv;
const { buildClientSchema, parse, validate, execute } = require(graphqlDir);
const fs = require('fs');
const schema = buildClientSchema(JSON.parse(fs.readFileSync(introspectionPath, 'utf8')).data);
const rootValue = JSON.parse(fs.readFileSync(dataPath, 'utf8'));
const source = fs.readFileSync(queryPath, 'utf8');
const n = Number(count);

function full() {
  const document = parse(source);
  if (validate(schema, document).length) throw new Error('invalid');
  return JSON.stringify(execute({ schema, document, rootValue }));
}
const cached = parse(source);
function executeOnly() {
  return JSON.stringify(execute({ schema, document: cached, rootValue }));
}
function median(f) {
  for (let i = 0; i < n; ++i) f(); // warm up the JIT
  const rounds = [];
  for (let r = 0; r < 7; ++r) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; ++i) f();
    const d = process.cpuUsage(t);
    rounds.push((d.user + d.system) / n);
  }
  rounds.sort((a, b) => a - b);
  return rounds[3];
}
if (process.argv[7] === 'print') console.log(executeOnly());
else console.log(median(full), median(executeOnly));
