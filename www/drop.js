// Drag-and-drop of files anywhere on a page (the page and the batch view share it): the overlay
// shows while files are dragged over, and a drop the page accepts is handed to `onDrop`.
// The file input stays the primary way in; this is the extra.

/**
 * @param {HTMLElement} overlay shown while files are over the page
 * @param {{ accepts: (dt: DataTransfer) => boolean, onDrop: (dt: DataTransfer) => unknown }} handlers
 */
export function dropAnywhere(overlay, { accepts, onDrop }) {
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    depth = 0;
    overlay.hidden = true;
    if (!e.dataTransfer || !accepts(e.dataTransfer)) return;
    e.preventDefault();
    onDrop(e.dataTransfer);
  });
}
