// Many small, valid, varied region masterplans for the batch view's test and timing,
// deterministically (xorshift32 from a fixed seed; no Math.random, no clock): same n → same bytes.
//
//   node tests/e2e/regions.mjs 300 /tmp/regions     writes 300 files (+ 2 broken ones with --broken)
//
// Adapted from benches/generate.mjs (one large kabupaten file) to many small files of both kinds,
// several years, with and without previous indices, surveys and quick wins, so the batch view
// meets estimates, missing improvements and ties.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PILLARS = {
  governance: ['public_service', 'bureaucracy', 'public_policy'],
  branding: ['tourism', 'business', 'city_appearance'],
  economy: ['industry', 'welfare', 'financial_transactions'],
  living: ['harmony', 'health', 'mobility'],
  society: ['community', 'learning', 'security'],
  environment: ['protection', 'waste', 'energy'],
};
const PREFIX = { governance: 'GOV', branding: 'BRD', economy: 'ECO', living: 'LIV', society: 'SOC', environment: 'ENV' };
const AGENCIES = ['Diskominfo', 'Bappeda', 'Dinas Kesehatan', 'Dinas Pendidikan', 'DLH', 'Dishub', 'DPMPTSP', 'Disdukcapil'];
const TOPICS = ['Perizinan Online', 'Data Terpadu', 'Pengaduan Warga', 'Pasar Digital', 'Wisata Virtual', 'CCTV Kota', 'Bank Sampah', 'Puskesmas Online', 'Sekolah Digital', 'PJU Pintar'];
const PROVINCES = ['Jawa Tengah', 'Jawa Timur', 'Sumatera Barat', 'Kalimantan Timur', 'Sulawesi Selatan', 'Nusa Tenggara Barat', 'Bali', 'Papua Barat'];
const SYLLABLES = ['su', 'ka', 'ma', 'ju', 'pe', 'li', 'ta', 'ra', 'wa', 'ngi', 'bo', 'sa', 'ri', 'to', 'lo', 'ba'];

function rng(seed) {
  let state = seed >>> 0 || 0x2545f491;
  const next = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state;
  };
  const below = (k) => next() % k;
  return { below, pick: (list) => list[below(list.length)], chance: (pct) => below(100) < pct };
}

function regionPlan(i, r) {
  const kind = r.chance(55) ? 'kabupaten' : 'kota';
  const base = Array.from({ length: 2 + r.below(2) }, () => r.pick(SYLLABLES)).join('');
  const place = `${base[0].toUpperCase()}${base.slice(1)} ${i + 1}`;
  const name = `${kind === 'kota' ? 'Kota' : 'Kabupaten'} ${place}`;
  const year = 2022 + r.below(3); // 2022–2024
  const count = { governance: 0, branding: 0, economy: 0, living: 0, society: 0, environment: 0 };
  const programs = [];
  const n = 8 + r.below(14);
  for (let k = 0; k < n; k++) {
    const pillar = k < 6 ? Object.keys(PILLARS)[k] : r.pick(Object.keys(PILLARS));
    count[pillar] += 1;
    const id = `${PREFIX[pillar]}-${String(count[pillar]).padStart(2, '0')}`;
    const horizon = r.pick(['quick_win', 'short', 'short', 'medium', 'medium', 'long']);
    const start = year - 4 + r.below(5);
    const p = { id, name: `${r.pick(TOPICS)} ${k + 1}`, pillar, sub_dimension: r.pick(PILLARS[pillar]), horizon, start_year: start, end_year: start + r.below(4), lead_agency: r.pick(AGENCIES) };
    if (r.chance(50)) p.evidence = [`Laporan ${id} ${year}`];
    if (horizon === 'quick_win') {
      const qwStatus = r.pick(['planned', 'in_progress', 'launched', 'sustained', 'sustained', 'stopped']);
      const qw = { year: Math.max(start, year - 3) + r.below(2), status: qwStatus };
      if (['launched', 'sustained', 'stopped'].includes(qwStatus)) qw.launched_year = start + r.below(year - start + 1);
      if (r.chance(70)) qw.innovation_score = 1 + r.below(4);
      p.quick_win = qw;
      p.status = { planned: 'planned', in_progress: 'in_progress', stopped: 'stopped' }[qwStatus] ?? r.pick(['running', 'completed']);
    } else {
      p.status = r.pick(['running', 'running', 'running', 'completed', 'in_progress', 'delayed', 'planned', 'stopped']);
    }
    programs.push(p);
  }
  const evaluation = { year };
  // About a tenth have no previous index: no baseline, no improvement.
  if (r.chance(90)) evaluation.previous = [{ year: year - 1, index: (200 + r.below(180)) / 100 }];
  const plan = {
    format: 'kota-cerdas/masterplan',
    format_version: 1,
    region: { name, kind, province: r.pick(PROVINCES) },
    masterplan: { period_start: year - 3, period_end: year + 2, legal_basis: r.chance(70) ? { kind: kind === 'kota' ? 'perwali' : 'perbup', number: String(1 + r.below(40)), year: year - 3 } : null },
    evaluation,
    institutions: {
      council: { exists: true, active: r.chance(70), meetings: r.below(4) },
      implementation_team: { exists: true, active: r.chance(80), meetings: r.below(6) },
      forum: { exists: r.chance(60), meetings: r.below(3) },
      hr_plan: { exists: r.chance(50) },
      budget: { apbd: (100 + r.below(2000)) * 1_000_000, non_apbd: r.below(500) * 1_000_000 },
    },
    readiness: {
      items: Array.from({ length: 6 }, (_, k) => ({ aspect: ['struktur', 'infrastruktur', 'suprastruktur'][k % 3], id: `rd-${k + 1}`, question: `Butir kesiapan ${k + 1}`, score: 1 + r.below(4) })),
    },
    programs,
    national_indices: { spbe: (150 + r.below(300)) / 100, ikm: 70 + r.below(25), ipm: 65 + r.below(15) },
  };
  // About one in twelve lack the impact survey: the engine then gives an estimate, not an index.
  if (r.chance(92)) {
    plan.impact = { surveys: Object.keys(PILLARS).map((pillar) => ({ pillar, respondents: 30 + r.below(70), mean: (220 + r.below(170)) / 100 })) };
  }
  return plan;
}

/**
 * `n` valid region masterplans, compact JSON.
 * @returns {{name: string, text: string, kind: string}[]}
 */
export function regionFiles(n = 300, seed = 0x5eed1234) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const plan = regionPlan(i, r);
    const slug = plan.region.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    out.push({ name: `${String(i + 1).padStart(3, '0')}-${slug}-${plan.evaluation.year}.json`, text: `${JSON.stringify(plan)}\n`, kind: plan.region.kind });
  }
  return out;
}

/** Two files that cannot be assessed: not JSON, and an unknown pillar. */
export function brokenFiles() {
  const plan = regionPlan(0, rng(7));
  plan.programs[0].pillar = 'smartness';
  return [
    { name: 'rusak-bukan-json.json', text: '{ "format": "kota-cerdas/masterplan", oops' },
    { name: 'rusak-pilar.json', text: JSON.stringify(plan) },
  ];
}

/** Writes the files to `dir`; returns their paths. */
export function writeRegionFiles(dir, n = 300, { broken = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const files = [...regionFiles(n), ...(broken ? brokenFiles() : [])];
  return files.map((f) => {
    const file = path.join(dir, f.name);
    writeFileSync(file, f.text);
    return file;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number.parseInt(process.argv[2] ?? '300', 10);
  const dir = process.argv[3];
  if (!Number.isInteger(n) || n < 0 || !dir) {
    console.error('usage: node tests/e2e/regions.mjs N DIR [--broken]');
    process.exit(2);
  }
  console.log(`${writeRegionFiles(dir, n, { broken: process.argv.includes('--broken') }).length} files in ${dir}`);
}
