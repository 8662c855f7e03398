// Number formatting for the screen, Indonesian (3,37; 85,71%; 1.234) or English (3.37;
// 85.71%; 1,234), the percent sign without a space as PUEBI writes it. Formatting only: the
// engine has already rounded every value it outputs, so nothing here rounds for meaning. A
// value that is not a finite number shows as "—".

const cache = new Map();

function numberFormat(locale, options) {
  const key = `${locale} ${JSON.stringify(options)}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', options));
  return cache.get(key);
}

const ok = (v) => typeof v === 'number' && Number.isFinite(v);

/** The formatters of one locale ('id' or 'en'). */
export function formatters(locale) {
  const nf = (options) => numberFormat(locale, options);
  return {
    /** Up to `max` decimals: 85,71; 4. */
    num: (v, max = 2) => (ok(v) ? nf({ maximumFractionDigits: max }).format(v) : '—'),
    /** A score, always two decimals: 3,70. */
    score: (v) => (ok(v) ? nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v) : '—'),
    /** A percentage: 85,71%. */
    pct: (v) => (ok(v) ? `${nf({ maximumFractionDigits: 2 }).format(v)}%` : '—'),
    /** A change with its sign: +0,35; −0,12; 0,00. */
    signed: (v) => (ok(v) ? nf({ minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(v) : '—'),
    /** A national index exactly as the file gives it (SPBE 2,596, not 2,60). */
    asGiven: (v) => (ok(v) ? nf({ maximumFractionDigits: 10 }).format(v) : String(v ?? '—')),
    /** A count: 1.234. */
    int: (v) => (ok(v) ? nf({ maximumFractionDigits: 0 }).format(v) : '—'),
  };
}
