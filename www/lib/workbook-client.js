// The one door of the page and the batch view to the workbook module (www/pkg-workbook/, the
// Rust reader and writer of Excel workbooks, ≈500 KiB brotli): it is imported here, and only
// here, with a dynamic import on first use — a workbook opened, the template or an Excel file
// downloaded. The page's first view, a JSON file and the widget never load it.
//
// Whether a file is a workbook is decided by its bytes (a zip, or the container of an old or
// password-protected Excel file), never by its name alone; a file NAMED like a workbook whose
// bytes are neither a workbook nor JSON still goes to the reader, for its clear "not a
// workbook" message. No format knowledge lives here: the sheets, headers, labels and messages
// are the Rust crate's (crates/workbook).

import { decode, otherDocument, readBytes } from './read.js';
import { loadStrings } from './strings.js';
import { memoryBytes as bytesOf, renew, returnMemory } from './wasm-instance.js';

/** The MIME type of an .xlsx file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|ods)$/i;

/** True when a file of this name is a workbook (what the person saves it as again). */
export const isWorkbookName = (name) => WORKBOOK_NAME.test(String(name ?? ''));

/**
 * True when `bytes` should be read as a workbook: a zip ("PK": .xlsx, .ods; the reader tells
 * a damaged or non-spreadsheet zip apart), the compound-file container of an .xls or a
 * password-protected workbook, or a file named .xlsx/.xls/.ods whose text is not JSON.
 * @param {Uint8Array} bytes
 * @param {string} [name]
 */
export function isWorkbook(bytes, name = '') {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return true;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return true;
  if (!WORKBOOK_NAME.test(name)) return false;
  const start = decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return !(start.startsWith('{') || start.startsWith('['));
}

let ready;
/** The workbook module, initialised once (a failed load may be retried). */
export function load() {
  ready ??= (async () => {
    try {
      const wb = await import('../pkg-workbook/kota_cerdas_workbook_wasm.js');
      const url = new URL('../pkg-workbook/kota_cerdas_workbook_wasm_bg.wasm', import.meta.url);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      await wb.default({ module_or_path: await response.arrayBuffer() });
      return wb;
    } catch (error) {
      throw await moduleFailed(error);
    }
  })();
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}

/** The module could not be loaded: one bilingual problem, from the locale files. */
async function moduleFailed(error) {
  const [id, en] = await Promise.all([loadStrings('id'), loadStrings('en')]).catch(() => [{}, {}]);
  const detail = String(error?.message ?? error);
  const message = {
    id: `${id['problems.workbookModule'] ?? 'Pembaca Excel gagal dimuat.'} (${detail})`,
    en: `${en['problems.workbookModule'] ?? 'The Excel reader failed to load.'} (${detail})`,
  };
  const problem = { severity: 'error', code: 'workbook_module', path: '', message };
  return Object.assign(new Error(`${message.id} / ${message.en}`), { problems: [problem] });
}

/**
 * Calls the module's `name`. A failure other than the module's own Error (with `problems`: a
 * trap, out of memory) makes the instance anew at once; calls that leave its memory large
 * (writing a workbook of 20 000 programs takes 47 MiB) make it anew once idle
 * (lib/wasm-instance.js). Results are copies (JS objects, `Uint8Array`s made from the bytes).
 */
async function call(name, ...args) {
  const wb = await load();
  let out;
  try {
    out = wb[name](...args);
  } catch (error) {
    if (Array.isArray(error?.problems)) returnMemory(wb);
    else if (!renew(wb)) ready = undefined;
    throw error;
  }
  returnMemory(wb);
  return out;
}

/** The bytes of wasm memory the workbook module's instance holds now (0 before it is loaded); for tests. */
export async function memoryBytes() {
  return ready ? bytesOf(await ready) : 0;
}

/** A Word file, a PDF … chosen instead of a masterplan: one bilingual problem saying what to choose. */
async function notAMasterplan(kind, name) {
  const [id, en] = await Promise.all([loadStrings('id'), loadStrings('en')]).catch(() => [{}, {}]);
  const fill = (text) => String(text ?? '').replace('{name}', name);
  const message = { id: fill(id[`problems.other.${kind}`]), en: fill(en[`problems.other.${kind}`]) };
  const problem = { severity: 'error', code: 'not_a_masterplan', path: '', message };
  return Object.assign(new Error(`${message.id} / ${message.en}`), { problems: [problem] });
}

/**
 * Reads a workbook: `{ masterplan, text, problems }`; `text` (the masterplan JSON the engine
 * assesses) is null when a problem is an error. Each problem carries `sheet`, `cell`, `row`,
 * `column` besides `path`.
 * @param {Uint8Array} bytes
 */
export async function readWorkbook(bytes) {
  return call('readWorkbook', bytes);
}

/**
 * True when pasted `text` looks like rows copied from a spreadsheet: its first non-empty line
 * has a tab, and it is not JSON.
 */
export function isTable(text) {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return false;
  return (start.split(/\r?\n/, 1)[0] ?? '').includes('\t');
}

/**
 * Rows pasted from a spreadsheet (tab-separated, a header row) read as the program table of
 * `masterplan`, whose programs they replace: `{ masterplan, text, problems }` as
 * readWorkbook, problems located by the row and column of the pasted text.
 */
export async function readPastedPrograms(text, masterplan) {
  return call('readPastedPrograms', text, masterplan);
}

/** A filled workbook of a masterplan object: `{ bytes, warnings }` (what it cannot carry). */
export async function writeWorkbook(masterplan, locale) {
  return call('writeWorkbook', masterplan, locale);
}

/**
 * The results workbook (Uint8Array) of an assessment (what the engine returned) and the
 * masterplan it was made from: summary, pillars, quick wins, findings as an action plan, per
 * OPD, programs; headers and labels in `locale` ('id' or 'en').
 */
export async function writeAssessment(assessment, masterplan, locale) {
  return call('writeAssessment', assessment, masterplan ?? null, locale);
}

/** A comparison (compare()) as a workbook of one sheet (Uint8Array), labels in `locale`. */
export async function writeComparison(comparison, locale) {
  return call('writeComparison', comparison, locale);
}

/** The empty template workbook (Uint8Array), dropdowns in `locale`. */
export async function templateWorkbook(locale) {
  return call('templateWorkbook', locale);
}

/**
 * What the page or the batch view assesses for a file: its text, or, when its bytes are a
 * workbook, the masterplan text the reader produced (and the reader's warnings as `notes`).
 * Throws an Error with `problems` when the workbook cannot be read or has errors; the
 * signal's reason when a newer request took over.
 * @param {File|Blob} file
 * @param {{ onProgress?: (percent: number) => void, signal?: AbortSignal, onWorkbook?: () => void }} [options]
 * `bytes`: the file's exact bytes when it is not a workbook (its input hash is theirs).
 * @returns {Promise<{ text: string, bytes?: Uint8Array, workbook: boolean, notes: object[] }>}
 */
export async function readInput(file, { onWorkbook, ...options } = {}) {
  const bytes = await readBytes(file, options);
  const other = otherDocument(bytes);
  if (other) throw await notAMasterplan(other, file.name);
  if (!isWorkbook(bytes, file.name)) return { text: decode(bytes), bytes, workbook: false, notes: [] };
  onWorkbook?.();
  const reading = await readWorkbook(bytes);
  options.signal?.throwIfAborted();
  if (typeof reading.text !== 'string') {
    const first = reading.problems[0]?.message ?? { id: '', en: '' };
    const more = reading.problems.length > 1 ? ` (+${reading.problems.length - 1})` : '';
    throw Object.assign(new Error(`${first.id} / ${first.en}${more}`), { problems: reading.problems });
  }
  return { text: reading.text, workbook: true, notes: reading.problems };
}
