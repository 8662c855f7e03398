// A question that needs an answer before going on ("open another file over an unsaved
// draft?"), as a modal <dialog>: focus moves into it and stays there, Escape cancels, and focus
// returns where it was. Resolves true for the confirming button, false otherwise.

import { h } from '../lib/dom.js';

/**
 * @param {{ title: string, text: string, yes: string, no: string, danger?: boolean }} words
 * @returns {Promise<boolean>}
 */
export function ask({ title, text, yes, no, danger = false }) {
  const back = document.activeElement;
  return new Promise((resolve) => {
    let answer = false;
    const noButton = h('button', { type: 'button', class: 'secondary', value: 'no' }, no);
    const yesButton = h('button', { type: 'button', class: danger ? 'danger' : '', value: 'yes' }, yes);
    const dialog = h('dialog', { class: 'ed-dialog', 'aria-labelledby': 'ed-dialog-h', 'aria-describedby': 'ed-dialog-text' },
      h('h2', { id: 'ed-dialog-h' }, title),
      h('p', { id: 'ed-dialog-text' }, text),
      h('div', { class: 'ed-dialog-buttons' }, noButton, yesButton));
    noButton.addEventListener('click', () => dialog.close());
    yesButton.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (back instanceof HTMLElement && back.isConnected) back.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    noButton.focus();
  });
}
