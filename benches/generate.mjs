// Writes a realistic masterplan with N programs to stdout, deterministically.
//   node benches/generate.mjs 500 > /tmp/mp-500.json
// Same N → same bytes (xorshift32 with a fixed seed; no Math.random, no clock).
// A second argument gives every program its own lead agency, for the cost of maps keyed by
// user data: `distinct` (names in scrambled order) or `ascending` (names already sorted).
//   node benches/generate.mjs 50000 distinct > /tmp/mp-agencies.json

const n = Number.parseInt(process.argv[2] ?? '50', 10);
const agencyMode = process.argv[3] ?? 'shared';
if (!Number.isInteger(n) || n < 0 || !['shared', 'distinct', 'ascending'].includes(agencyMode)) {
  console.error('usage: node benches/generate.mjs N [distinct|ascending]');
  process.exit(2);
}
// 7919 is prime and does not divide N for the sizes used, so i → i·7919 mod N scrambles.
const ownAgency = (i) => {
  const k = agencyMode === 'ascending' ? i : (i * 7919) % Math.max(n, 1);
  return `OPD ${String(k).padStart(7, '0')}`;
};

let state = 0x2545f491;
const next = () => {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state;
};
const below = (k) => next() % k;
const pick = (list) => list[below(list.length)];
const chance = (pct) => below(100) < pct;

const year = 2024;
const pillars = {
  governance: ['public_service', 'bureaucracy', 'public_policy'],
  branding: ['tourism', 'business', 'city_appearance'],
  economy: ['industry', 'welfare', 'financial_transactions'],
  living: ['harmony', 'health', 'mobility'],
  society: ['community', 'learning', 'security'],
  environment: ['protection', 'waste', 'energy'],
};
const prefix = { governance: 'GOV', branding: 'BRD', economy: 'ECO', living: 'LIV', society: 'SOC', environment: 'ENV' };
const agencies = ['Diskominfo', 'Bappeda', 'Dinas Kesehatan', 'Dinas Pendidikan', 'DLH', 'Dishub', 'DPMPTSP', 'Disdukcapil', 'Dinas Pariwisata', 'Diskop UMKM'];
const words = ['Layanan', 'Sistem', 'Aplikasi', 'Portal', 'Dashboard', 'Gerakan', 'Pusat', 'Jaringan'];
const topics = ['Perizinan Online', 'Data Terpadu', 'Pengaduan Warga', 'Pasar Digital', 'Wisata Virtual', 'CCTV Kota', 'Bank Sampah', 'Puskesmas Online', 'Sekolah Digital', 'Transportasi Cerdas', 'PJU Pintar', 'UMKM Go Digital'];

const count = { governance: 0, branding: 0, economy: 0, living: 0, society: 0, environment: 0 };
const programs = [];
for (let i = 0; i < n; i++) {
  const pillar = pick(Object.keys(pillars));
  count[pillar] += 1;
  const id = `${prefix[pillar]}-${String(count[pillar]).padStart(3, '0')}`;
  const horizon = pick(['quick_win', 'short', 'short', 'medium', 'medium', 'medium', 'long']);
  const start = year - 5 + below(7); // 2019–2025
  const started = start <= year;
  const p = {
    id,
    name: `${pick(words)} ${pick(topics)} ${i + 1}`,
    pillar,
    sub_dimension: pick(pillars[pillar]),
    horizon,
    start_year: start,
    end_year: start + below(5),
    lead_agency: pick(agencies),
  };
  if (agencyMode !== 'shared') p.lead_agency = ownAgency(i);
  if (chance(50)) p.evidence = [`https://smartcity.example.go.id/dokumen/${id}.pdf`];
  let status;
  if (horizon === 'quick_win') {
    const qwStatus = started ? pick(['planned', 'in_progress', 'launched', 'sustained', 'sustained', 'stopped']) : pick(['planned', 'in_progress']);
    const qw = { year: Math.max(start, year - 4) + below(2), status: qwStatus };
    if (['launched', 'sustained', 'stopped'].includes(qwStatus)) qw.launched_year = start + below(year - start + 1);
    if (chance(70)) qw.innovation_score = 1 + below(4);
    p.quick_win = qw;
    status = { planned: 'planned', in_progress: 'in_progress', stopped: 'stopped' }[qwStatus] ?? pick(['running', 'completed']);
  } else if (started) {
    status = pick(['running', 'running', 'running', 'completed', 'in_progress', 'delayed', 'planned', 'stopped', 'cancelled']);
  } else {
    status = 'planned';
  }
  p.status = status;
  if (chance(40)) p.progress_percent = below(101);
  programs.push(p);
}

const masterplan = {
  format: 'kota-cerdas/masterplan',
  format_version: 1,
  region: { name: 'Kabupaten Tolok Ukur', kind: 'kabupaten', province: 'Jawa Tengah' },
  masterplan: { period_start: 2020, period_end: 2024, legal_basis: { kind: 'perbup', number: '12', year: 2020 } },
  evaluation: { year, method: 'kominfo-2022', previous: [{ year: 2022, index: 2.91 }, { year: 2023, index: 3.08 }] },
  institutions: {
    council: { exists: true, active: true, meetings: 2 },
    implementation_team: { exists: true, active: true, meetings: 4 },
    forum: { exists: true, meetings: 1 },
    hr_plan: { exists: true },
    risk_register: { exists: false },
    budget: { apbd: 1250000000, non_apbd: 300000000 },
  },
  readiness: {
    items: Array.from({ length: 12 }, (_, i) => ({
      aspect: ['struktur', 'infrastruktur', 'suprastruktur'][i % 3],
      id: `rd-${i + 1}`,
      question: `Butir kesiapan ${i + 1}`,
      score: 1 + below(4),
    })),
  },
  programs,
  impact: {
    surveys: Object.keys(pillars).map((pillar) => ({ pillar, respondents: 50, mean: (250 + below(130)) / 100 })),
    indicators: [
      { code: 'poverty_rate', value: 9.87, year: 2023 },
      { code: 'ipm', value: 72.4, year: 2023 },
      { code: 'water_access', value: 91.2, year: 2023 },
      { code: 'road_stable', value: 68.5, year: 2023 },
    ],
  },
  national_indices: { spbe: 2.93, sakip: 66.4, ikm: 79.98, ipm: 72.4, bpk_opinion: 'WTP' },
};

process.stdout.write(JSON.stringify(masterplan, null, 2) + '\n');
