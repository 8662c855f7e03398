// Where assessText spends its time in the wasm module: a CPU profile of repeated calls on a
// generated masterplan, folded into the phases of the engine.
//
//   make profile                                  (builds target/profile-pkg, then runs this)
//   node benches/profile.mjs [PKG_DIR] [PROGRAMS] (default target/profile-pkg, 5000; or 5000w)
//
// The profiled module is the release build with its function names kept (wasm-opt -g), so the
// shares are those of the shipped code. V8's sampling profiler, through node:inspector.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = resolve(process.argv[2] ?? join(root, 'target/profile-pkg'));
const programs = process.argv[3] ?? '5000';

const api = await import(pathToFileURL(join(pkg, 'kota_cerdas_mandiri.js')).href);
await api.default({ module_or_path: readFileSync(join(pkg, 'kota_cerdas_mandiri_bg.wasm')) });
// `5000w`: the 5 000-program file where a fifth of the programs raise a warning.
const text = process.argv[3] === '5000w'
  ? (await import('./hostile-cases.mjs')).warnings5000()
  : execFileSync(process.execPath, [join(root, 'benches/generate.mjs'), String(programs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });

// Warm up until V8 has tiered the module up, then profile about two seconds of calls.
for (let t = performance.now(); performance.now() - t < 500; ) api.assessText(text);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
let calls = 0;
const t0 = performance.now();
while (performance.now() - t0 < 2000) {
  api.assessText(text);
  calls++;
}
const elapsed = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
session.disconnect();

// Phases, matched against the frames of each sample from the innermost outwards: the first
// phase found names the sample. Order matters where one phase runs inside another.
const PHASES = [
  ['SHA-256 of the text', /sha256/],
  ['JSON text → JS objects (JSON.parse in JS)', /^js_sys::JSON::parse|__wbg_parse_/],
  ['result → JSON text (json_out)', /json_out::/],
  ['JSON parse in wasm (located tree)', /^kota_cerdas_mandiri::(io::)?json::(parse|Parser)/],
  ['validation → typed masterplan', /decode::|drop_in_place<kota_cerdas_mandiri::(io::)?json::/],
  ['findings', /findings::/],
  ['scoring (rates, quick wins, evaluation, agencies)', /assessment::assess|implementation::|quick_wins::|evaluation::|readiness::|national::/],
  ['text → wasm memory (TextEncoder.encodeInto)', /wasm::utf8|encodeInto/],
];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const phaseOf = new Map();
function phase(id) {
  if (phaseOf.has(id)) return phaseOf.get(id);
  const name = byId.get(id).callFrame.functionName;
  let found = PHASES.find(([, re]) => re.test(name))?.[0];
  if (!found) found = parent.has(id) ? phase(parent.get(id)) : 'other';
  phaseOf.set(id, found);
  return found;
}
const time = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const name = byId.get(id).callFrame.functionName;
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return;
  total += dt;
  const p = phase(id);
  time.set(p, (time.get(p) ?? 0) + dt);
});

// OTHER=1 lists the functions left in "other" (frames no phase claims), to refine PHASES;
// SELF=1 the functions with the most self time, whatever their phase.
if (process.env.OTHER || process.env.SELF) { const o = new Map(); profile.samples.forEach((id, i) => { if (!process.env.SELF && phase(id) !== 'other') return; const n = byId.get(id).callFrame.functionName; o.set(n, (o.get(n) ?? 0) + (profile.timeDeltas[i] ?? 0)); }); for (const [n, t] of [...o].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((100 * t / total).toFixed(1), n.slice(0, 120)); }
const perCall = elapsed / calls;
const parse = (() => {
  for (let i = 0; i < 20; i++) JSON.parse(text);
  const xs = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    JSON.parse(text);
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[15];
})();
console.log(`assessText, ${programs} programs (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB), node ${process.version}: ${calls} calls, ${perCall.toFixed(1)} ms per call; JSON.parse of the text ${parse.toFixed(2)} ms`);
console.log('| phase | share | ≈ ms per call | × JSON.parse |');
console.log('|---|---:|---:|---:|');
for (const [name, t] of [...time].sort((a, b) => b[1] - a[1])) {
  const ms = (perCall * t) / total;
  console.log(`| ${name} | ${((100 * t) / total).toFixed(1)} % | ${ms.toFixed(1)} | ${(ms / parse).toFixed(1)} |`);
}
