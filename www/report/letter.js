// The official report's letterhead and signature block, as the person fills them in the page:
// kept on this device only (localStorage), never sent anywhere, and removed by "Lupakan data".
// The logo is a picture the person picks, shrunk to at most LOGO_PX on a canvas and kept as
// a PNG data URL (the page's CSP allows data: images; nothing is fetched).

import { h } from '../lib/dom.js';

const KEY = 'kcm.letter';
const LOGO_KEY = 'kcm.letter.logo';
/** The fields of the letter, in the order of the form. */
export const LETTER_FIELDS = ['unit', 'address', 'place', 'position', 'name', 'rank', 'nip'];
const LOGO_PX = 360;
const LOGO_MAX_BYTES = 5_000_000;

/** What was filled before: `{ unit, address, place, position, name, rank, nip, logo }`. */
export function loadLetter() {
  const out = {};
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    for (const k of LETTER_FIELDS) if (typeof saved?.[k] === 'string') out[k] = saved[k];
    const logo = localStorage.getItem(LOGO_KEY);
    if (typeof logo === 'string' && logo.startsWith('data:image/png;base64,')) out.logo = logo;
  } catch {
    /* storage disabled or damaged: start empty */
  }
  return out;
}

function saveFields(letter) {
  const fields = Object.fromEntries(LETTER_FIELDS.filter((k) => letter[k]).map((k) => [k, letter[k]]));
  try {
    if (Object.keys(fields).length) localStorage.setItem(KEY, JSON.stringify(fields));
    else localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}

/** Removes the letterhead and signature; true when something was stored. */
export function forgetLetter() {
  try {
    const had = localStorage.getItem(KEY) !== null || localStorage.getItem(LOGO_KEY) !== null;
    localStorage.removeItem(KEY);
    localStorage.removeItem(LOGO_KEY);
    return had;
  } catch {
    return false;
  }
}

/** A picked image → a PNG data URL at most LOGO_PX on its longer side. */
async function shrink(file) {
  if (file.size > LOGO_MAX_BYTES) throw new Error('too-large');
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const w = img.naturalWidth || LOGO_PX;
    const hgt = img.naturalHeight || LOGO_PX;
    const scale = Math.min(1, LOGO_PX / Math.max(w, hgt));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(hgt * scale));
    canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Today as yyyy-mm-dd, for the date field. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The date of the letter (chosen in the form, today by default; not kept). */
let letterDate = '';
export function letterDay() {
  const [y, m, d] = (letterDate || today()).split('-').map(Number);
  return new Date(y, m - 1, d);
}

/**
 * The form on screen (never printed): letterhead, logo, date and signature, and the print
 * button. `changed()` is called after every change so the printed view follows.
 */
export function renderLetterForm(ctx, changed) {
  const { t } = ctx;
  const letter = loadLetter();
  const note = h('p', { class: 'small', id: 'letter-note', role: 'status' });
  const field = (key, { wide = false, hint } = {}) =>
    h('div', { class: `field ${wide ? 'wide' : ''}` },
      h('label', { for: `letter-${key}` }, t(`letter.${key}`)),
      h('input', {
        id: `letter-${key}`, type: 'text', value: letter[key] ?? '', autocomplete: 'off', 'aria-describedby': hint ? `letter-${key}-hint` : null,
        inputmode: key === 'nip' ? 'numeric' : null,
        oninput: (e) => {
          letter[key] = e.target.value;
          note.textContent = saveFields(letter) ? '' : t('letter.notKept');
          changed();
        },
      }),
      hint ? h('p', { class: 'small', id: `letter-${key}-hint` }, hint) : null);
  const preview = h('img', { class: 'letter-logo-preview', alt: t('letter.logoAlt'), src: letter.logo ?? null, hidden: !letter.logo });
  const removeLogo = h('button', { type: 'button', class: 'secondary small-btn', id: 'letter-logo-remove', hidden: !letter.logo, onclick: () => {
    try {
      localStorage.removeItem(LOGO_KEY);
    } catch {
      /* nothing kept */
    }
    preview.removeAttribute('src');
    preview.hidden = true;
    removeLogo.hidden = true;
    note.textContent = t('letter.logoRemoved');
    changed();
  } }, t('letter.logoRemove'));
  const logoInput = h('input', {
    id: 'letter-logo', type: 'file', accept: 'image/png,image/jpeg,image/webp,image/svg+xml,image/gif',
    onchange: async (e) => {
      const file = e.target.files?.[0];
      e.target.value = '';
      if (!file) return;
      try {
        const data = await shrink(file);
        try {
          localStorage.setItem(LOGO_KEY, data);
        } catch {
          note.textContent = t('letter.notKept');
        }
        preview.src = data;
        preview.hidden = false;
        removeLogo.hidden = false;
        if (!note.textContent) note.textContent = t('letter.logoKept');
        changed();
      } catch (error) {
        note.textContent = error?.message === 'too-large' ? t('letter.logoTooLarge') : t('letter.logoUnreadable', { name: file.name });
      }
    },
  });
  const date = h('input', { id: 'letter-date', type: 'date', value: letterDate || today(), onchange: (e) => {
    letterDate = e.target.value;
    changed();
  } });
  return h('section', { id: 'letter', class: 'card no-print', 'aria-labelledby': 'letter-h' },
    h('h2', { id: 'letter-h' }, t('letter.heading')),
    h('p', { class: 'lead' }, t('letter.lead')),
    h('fieldset', { class: 'letter-group' }, h('legend', {}, t('letter.head')),
      h('p', { class: 'small' }, t('letter.headNote', { region: ctx.a.region?.name ?? '' })),
      h('div', { class: 'letter-grid' }, field('unit'), field('address')),
      h('div', { class: 'field' }, h('label', { for: 'letter-logo' }, t('letter.logo')), logoInput,
        h('p', { class: 'small' }, t('letter.logoHint'))),
      h('div', { class: 'letter-logo-row' }, preview, removeLogo)),
    h('fieldset', { class: 'letter-group' }, h('legend', {}, t('letter.sign')),
      h('div', { class: 'letter-grid' },
        field('place'),
        h('div', { class: 'field' }, h('label', { for: 'letter-date' }, t('letter.date')), date),
        field('position', { wide: true, hint: t('letter.positionHint') }),
        field('name', { hint: t('letter.nameHint') }),
        field('rank', { hint: t('letter.rankHint') }),
        field('nip', { hint: t('letter.nipHint') }))),
    note,
    h('div', { class: 'letter-actions' },
      h('button', { type: 'button', id: 'letter-print', onclick: () => ctx.on.print() }, t('letter.print')),
      h('p', { class: 'small' }, t('letter.printHint'))));
}
