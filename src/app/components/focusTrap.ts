// Keyboard behaviour of the page's popups (the downloads menu, the settings dialog): Tab and Shift+Tab cycle inside
// while it is open, the arrow keys move between its controls (not inside a text field, where they move the caret),
// and Escape closes it.
const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

function focusables(node: HTMLElement): HTMLElement[] {
  return [...node.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.getClientRects().length > 0);
}

/** Moves the caret, not the focus: the arrow keys belong to the field. */
function editsText(e: EventTarget | null): boolean {
  return e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement || (e instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(e.type));
}

export function focusTrap(node: HTMLElement, onEscape: () => void) {
  const first = focusables(node)[0];
  first?.focus();
  function onKeydown(e: KeyboardEvent): void {
    const list = focusables(node);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (step: number) => {
      e.preventDefault();
      e.stopPropagation();
      list[(at + step + list.length) % list.length]?.focus();
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onEscape();
    } else if (e.key === 'Tab' && list.length) move(e.shiftKey ? -1 : 1);
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowRight') && !editsText(e.target)) move(1);
    else if ((e.key === 'ArrowUp' || e.key === 'ArrowLeft') && !editsText(e.target)) move(-1);
    else if (e.key === 'Home' && !editsText(e.target)) move(-at);
    else if (e.key === 'End' && !editsText(e.target)) move(list.length - 1 - at);
  }
  node.addEventListener('keydown', onKeydown);
  return { destroy: () => node.removeEventListener('keydown', onKeydown) };
}
