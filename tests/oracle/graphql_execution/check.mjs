// Compares the driver's responses with graphql-js's, byte for byte, case by case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const cases = readFileSync(join(out, 'cases.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
const expected = readFileSync(join(out, 'expected.jsonl'), 'utf8').split('\n');
const actual = readFileSync(join(out, 'actual.jsonl'), 'utf8').split('\n');
let passed = 0;
let failed = 0;
cases.forEach((c, i) => {
  if (!c.compare) return;
  if (expected[i] === actual[i]) {
    ++passed;
  } else {
    ++failed;
    console.log(`FAIL #${i}: ${c.query} ${JSON.stringify(c.variables)} ${c.operationName ?? ''}`);
    console.log(`  graphql-js: ${expected[i]}`);
    console.log(`  cohort:     ${actual[i]}`);
  }
});
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed >= 100 ? 0 : 1);
