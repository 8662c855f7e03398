// Prints the raw, gzip (-9) and brotli (quality 11) sizes of a .wasm file and fails when the
// brotli size is over the budget. Node's zlib does both, so no extra tool is needed.
//
//   node scripts/size.mjs FILE [BUDGET_BYTES]     (budget default 102400 = 100 KiB brotli)

import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [file, budgetArg = '102400'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/size.mjs FILE [BUDGET_BYTES]');
  process.exit(2);
}
const budget = Number(budgetArg);
const bytes = readFileSync(file);
const gzip = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  },
}).length;

const row = (label, n) => `${label.padEnd(8)}${String(n).padStart(10)} bytes${n >= 1024 ? ` (${(n / 1024).toFixed(1)} KiB)` : ''}`;
console.log(file);
console.log(row('raw', bytes.length));
console.log(row('gzip', gzip));
console.log(row('brotli', brotli));
if (brotli > budget) {
  console.error(`size: brotli ${brotli} bytes is over the budget of ${budget} bytes`);
  process.exit(1);
}
console.log(`size: within the brotli budget of ${budget} bytes (${((100 * brotli) / budget).toFixed(1)} % used)`);
