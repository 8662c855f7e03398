// The hostile inputs of issue 14, generated (never stored: most are close to 20 MB). Each
// function returns the file's text; deterministic (no Math.random, no clock). Used by
// tests/api/bounded.test.mjs (the results) and benches/hostile-bench.mjs (time and memory).
//   node benches/hostile-cases.mjs NAME > /tmp/case.json     (one case to stdout)

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LIMIT = 20 * 1024 * 1024;
const here = fileURLToPath(new URL('.', import.meta.url));

/** The realistic masterplan of benches/generate.mjs with `n` programs, as an object. */
export function realistic(n, mode = 'shared') {
  const text = execFileSync(process.execPath, [here + 'generate.mjs', String(n), mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return JSON.parse(text);
}

const head = () => ({
  format: 'kota-cerdas/masterplan',
  format_version: 1,
  region: { name: 'Kabupaten Uji Beban', kind: 'kabupaten' },
  evaluation: { year: 2024 },
});

/** A long value that is no id at all but short enough (≤ 64) to be looked at for a hint. */
const near = (word, i) => `${word}-${String(i).padStart(6, '0')}-${'x'.repeat(40)}`.slice(0, 64);

/**
 * Rejected, just under 20 MB: 50 000 programs (the most allowed), each with four unknown
 * closed-set values of 60-odd characters (pillar, horizon, status, sub-dimension). Before
 * issue 14 each got a "did you mean" search, far past the 500 problems shown.
 */
export function unknownValues() {
  const programs = [];
  for (let i = 0; i < 50_000; i++) {
    programs.push({
      id: `P-${i}`,
      name: `Program ${i}`,
      pillar: near('goverance', i),
      sub_dimension: near('public_servise', i),
      horizon: near('shortterm', i),
      start_year: 2022,
      status: near('runing', i),
      lead_agency: 'Diskominfo',
    });
  }
  return JSON.stringify({ ...head(), programs });
}

/** Valid: `count` unknown keys of 63 characters at the top level (kept, warned about). */
export function unknownKeys(count = 286_000) {
  const mp = { ...head(), programs: realistic(5).programs };
  for (let i = 0; i < count; i++) mp[`k${String(i).padStart(8, '0')}${'y'.repeat(54)}`] = 0;
  return JSON.stringify(mp);
}

/**
 * Valid and minified (one line of about 19.5 MB): 50 000 programs with long names, every
 * tenth with an unknown key, so 500 warnings are located on that one line.
 */
export function oneLine() {
  const programs = realistic(2000).programs;
  const out = [];
  for (let i = 0; i < 50_000; i++) {
    const p = { ...programs[i % programs.length], id: `P-${i}`, name: `Program ${i} ${'n'.repeat(140)}` };
    if (i % 10 === 0) p.catatan_tambahan = 'x';
    out.push(p);
  }
  const text = JSON.stringify({ ...head(), programs: out });
  if (text.length > LIMIT) throw new Error(`oneLine: ${text.length} bytes`);
  return text;
}

/** The same bytes with a line break after every program (the contrast of issue 14). */
export function manyLines() {
  return oneLine().replaceAll('},{"id"', '},\n{"id"');
}

/**
 * Valid, 19.9 MB: 50 000 programs, each with many short evidence entries (values the
 * assessment reads) — the largest tree a valid file under the limit can hold in useful data.
 */
export function bigValid() {
  const programs = realistic(5000).programs;
  const out = [];
  for (let i = 0; i < 50_000; i++) {
    out.push({ ...programs[i % programs.length], id: `P-${i}`, evidence: Array.from({ length: 28 }, (_, k) => `e${k}`) });
  }
  return JSON.stringify({ ...head(), programs: out });
}

/**
 * Valid apart from unknown content: one unknown key holding `[0,0,0,…]` up to the size
 * limit (10 million values). A tree of what nobody reads; bounded by the value budget.
 */
export function unknownContent() {
  const body = JSON.stringify({ ...head(), programs: realistic(5).programs });
  const room = LIMIT - body.length - 64;
  const n = Math.floor(room / 2);
  return body.slice(0, -1) + ',"lampiran":[' + '0,'.repeat(n - 1) + '0]}';
}

/**
 * The crafted sequence that took one instance to 4 GB with the old power-of-two allocator:
 * file `k` (0–9) holds, under an unknown key, strings with an escape (each one its own
 * allocation) of 2^(k+4)+1 bytes, up to about 19 MB — each file a different size class.
 */
export function crafted(k) {
  const len = 2 ** (k + 4) + 1;
  const s = '\\n' + 'a'.repeat(len - 1);
  const count = Math.floor((19 * 1024 * 1024) / (s.length + 3));
  const body = JSON.stringify({ ...head(), programs: realistic(5).programs });
  return body.slice(0, -1) + ',"lampiran":[' + Array(count).fill(`"${s}"`).join(',') + ']}';
}

/**
 * 5 000 realistic programs, a fifth of them raising a warning each (an unknown key, a start
 * after the evaluation year while running, a launch before the start: 1 000 warnings).
 */
export function warnings5000() {
  const mp = realistic(5000);
  mp.programs.forEach((p, i) => {
    if (i % 5 !== 0) return;
    switch ((i / 5) % 2) {
      case 0: p.keterangan = 'catatan'; break;
      default: p.status = 'running'; p.start_year = 2025; delete p.end_year; p.horizon = p.horizon === 'quick_win' ? 'short' : p.horizon; delete p.quick_win;
    }
  });
  return JSON.stringify(mp, null, 2);
}

/** 50 000 programs, each with its own lead agency, in scrambled order. */
export function agencies50000() {
  return JSON.stringify(realistic(50_000, 'distinct'));
}

export const CASES = {
  'unknown-values': unknownValues,
  'unknown-keys': unknownKeys,
  'one-line': oneLine,
  'many-lines': manyLines,
  'big-valid': bigValid,
  'unknown-content': unknownContent,
  'warnings-5000': warnings5000,
  'agencies-50000': agencies50000,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const name = process.argv[2];
  const make = CASES[name] ?? (name?.startsWith('crafted-') ? () => crafted(Number(name.slice(8))) : null);
  if (!make) {
    console.error(`usage: node benches/hostile-cases.mjs (${Object.keys(CASES).join('|')}|crafted-0…9)`);
    process.exit(2);
  }
  process.stdout.write(make());
}
