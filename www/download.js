// Saving files: the File System Access picker where the browser has it, Blob + <a download>
// otherwise. File names carry the region, the year and today's date.

/** "Kabupaten Sukamaju" → "kabupaten-sukamaju" (ASCII, safe in every file system). */
export function slug(text) {
  return (
    String(text ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'daerah'
  );
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** kota-cerdas_kabupaten-sukamaju_2024_2026-11-23[_suffix].ext */
export function fileName(assessment, ext, suffix = '') {
  const parts = ['kota-cerdas', slug(assessment?.region?.name), String(assessment?.year ?? ''), today()];
  if (suffix) parts.push(suffix);
  return `${parts.filter(Boolean).join('_')}.${ext}`;
}

/**
 * Saves `data` (text, or the bytes of a workbook) under `name`. Returns false when the person
 * cancelled the picker.
 * @param {string|Uint8Array} data
 * @param {string} name
 * @param {string} type MIME type
 */
export async function saveText(data, name, type) {
  const blob = new Blob([data], { type });
  if (typeof window.showSaveFilePicker === 'function') {
    const ext = name.slice(name.lastIndexOf('.'));
    try {
      const handle = await window.showSaveFilePicker({
        suggestedName: name,
        types: [{ description: ext.slice(1).toUpperCase(), accept: { [type.split(';')[0]]: [ext] } }],
      });
      const writable = await handle.createWritable();
      await writable.write(blob);
      await writable.close();
      return true;
    } catch (error) {
      if (error?.name === 'AbortError') return false;
      // Picker refused (e.g. inside a sandboxed frame): fall back to a plain download.
    }
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
