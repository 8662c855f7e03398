// A second, deliberately different writer of .xlsx files for the tests: the template the page
// downloads is unzipped here, cells are typed into its sheets' XML the way a spreadsheet
// program stores them (inline strings, plain numbers), and it is zipped again. No library:
// node:zlib (deflate, crc32) and a few regular expressions over the sheet XML. Enough for
// filling the template, nothing more.

import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** The entries of a zip (name → bytes), in order. */
export function unzip(buffer) {
  const buf = Buffer.from(buffer);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** A zip of `entries` (name → bytes), every entry deflated. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** "H" → 8. */
const columnNumber = (letters) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const splitRef = (ref) => {
  const m = ref.match(/^([A-Z]+)(\d+)$/);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
};

/** The path of each sheet's XML by sheet name. */
function sheetPaths(entries) {
  const book = entries.get('xl/workbook.xml').toString('utf8');
  const rels = entries.get('xl/_rels/workbook.xml.rels').toString('utf8');
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => [tag.match(/\bId="([^"]+)"/)[1], tag.match(/\bTarget="([^"]+)"/)[1]]));
  const out = new Map();
  for (const [tag] of book.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(tag.match(/\bname="([^"]*)"/)[1]);
    const t = target.get(tag.match(/\br:id="([^"]+)"/)[1]);
    out.set(name, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

/** The cells of a sheet (ref → text or number), shared strings resolved. */
export function sheetCells(xlsx, sheet) {
  const entries = unzip(xlsx);
  const shared = [...(entries.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(([, si]) =>
    unescape([...si.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('')),
  );
  const path = sheetPaths(entries).get(sheet);
  if (!path) throw new Error(`no sheet ${sheet}`);
  const xml = entries.get(path).toString('utf8');
  const out = new Map();
  for (const [, attrs, body = ''] of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = attrs.match(/\br="([A-Z]+\d+)"/)[1];
    const type = attrs.match(/\bt="(\w+)"/)?.[1];
    const v = body.match(/<v>([^<]*)<\/v>/)?.[1];
    if (type === 's') out.set(ref, shared[Number(v)]);
    else if (type === 'inlineStr') out.set(ref, unescape(body.match(/<t\b[^>]*>([\s\S]*?)<\/t>/)[1]));
    else if (type === 'str') out.set(ref, unescape(v ?? ''));
    else if (v !== undefined && (type === undefined || type === 'n')) out.set(ref, Number(v));
  }
  return out;
}

/** The text cells of a sheet (ref → text): to find headers and labels. */
export function sheetTexts(xlsx, sheet) {
  return new Map([...sheetCells(xlsx, sheet)].filter(([, v]) => typeof v === 'string'));
}

/** One cell's XML: a number as a number, anything else as an inline string. */
function cellXml(ref, value) {
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(value)}</t></is></c>`;
}

/** Sets cells of one sheet's XML, keeping rows and cells in order (existing cells replaced). */
function setCells(xml, cells) {
  const byRow = new Map();
  for (const [ref, value] of Object.entries(cells)) {
    const { row } = splitRef(ref);
    if (!byRow.has(row)) byRow.set(row, []);
    byRow.get(row).push([ref, value]);
  }
  let out = xml.replace(/<sheetData\s*\/>/, '<sheetData></sheetData>');
  for (const [row, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const rowRe = new RegExp(`<row\\b[^>]*\\br="${row}"[^>]*?(?:/>|>[\\s\\S]*?</row>)`);
    let rowXml = out.match(rowRe)?.[0];
    if (!rowXml) {
      // A new row, placed before the first row with a higher number.
      const next = [...out.matchAll(/<row\b[^>]*\br="(\d+)"/g)].find((m) => Number(m[1]) > row);
      const fresh = `<row r="${row}"></row>`;
      out = next ? out.slice(0, next.index) + fresh + out.slice(next.index) : out.replace('</sheetData>', `${fresh}</sheetData>`);
      rowXml = fresh;
    }
    let body = rowXml.endsWith('/>') ? '' : rowXml.slice(rowXml.indexOf('>') + 1, -'</row>'.length);
    const open = rowXml.endsWith('/>') ? `${rowXml.slice(0, -2)}>` : rowXml.slice(0, rowXml.indexOf('>') + 1);
    const existing = [...body.matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => ({ col: columnNumber(m[1]), xml: m[0] }));
    for (const [ref, value] of list) {
      const { col } = splitRef(ref);
      const kept = existing.filter((c) => c.col !== col);
      kept.push({ col, xml: cellXml(ref, value) });
      existing.length = 0;
      existing.push(...kept.sort((a, b) => a.col - b.col));
    }
    body = existing.map((c) => c.xml).join('');
    // The row's declared span (if any) no longer holds: drop it.
    out = out.replace(rowRe, () => `${open.replace(/\sspans="[^"]*"/, '')}${body}</row>`);
  }
  return out.replace(/<dimension\b[^>]*\/>/, '');
}

/**
 * The workbook `xlsx` with cells set, per sheet name: `{ Program: { A3: 'GOV-01', F3: 2023 } }`.
 * Numbers become number cells; strings inline-string cells.
 */
export function fillXlsx(xlsx, sheets) {
  const entries = unzip(xlsx);
  const paths = sheetPaths(entries);
  for (const [sheet, cells] of Object.entries(sheets)) {
    const file = paths.get(sheet);
    if (!file) throw new Error(`no sheet ${sheet}`);
    entries.set(file, Buffer.from(setCells(entries.get(file).toString('utf8'), cells), 'utf8'));
  }
  return zip(entries);
}
