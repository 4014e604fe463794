/**
 * Turning a table (HTML `<table>` or an ARIA `role=table|grid`) into a plain grid
 * of cell texts, with rowspan/colspan expanded so every row has every column.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Visible-in-principle text of a cell: skips children hidden inside it (the other unit of a toggle).
 *
 * @example
 * cellText(td) // → '76 cm' for `<td>76 cm<span hidden>30 in</span></td>`
 */
export function cellText(cell: Element): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === TEXT_NODE) out += n.textContent ?? '';
    if (n.nodeType !== ELEMENT_NODE) return;
    const el = n as Element;
    if (el !== cell && (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none/i.test(el.getAttribute('style') ?? ''))) return;
    if (el.tagName === 'BR') out += ' ';
    for (const c of Array.from(el.childNodes)) walk(c);
    if (/^(P|DIV|LI)$/.test(el.tagName)) out += ' ';
  };
  walk(cell);
  return out.replace(/\s+/g, ' ').trim();
}

function rowsOf(table: Element): Element[][] {
  const isAria = table.tagName !== 'TABLE';
  if (isAria) {
    const rows = Array.from(table.querySelectorAll('[role="row"]')).filter((r) => r.closest('[role="table"], [role="grid"], table') === table);
    return rows.map((r) => Array.from(r.querySelectorAll('[role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]')).filter((c) => c.closest('[role="row"]') === r));
  }
  const rows = Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table);
  return rows.map((r) => Array.from(r.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH'));
}

const span = (el: Element, name: string) => Math.min(50, Math.max(1, parseInt(el.getAttribute(name) ?? '1', 10) || 1));

/**
 * The table as rows of cell texts, spans expanded; ragged rows padded with ''.
 *
 * @example
 * tableGrid(document.querySelector('table')) // → [['Size', 'Chest'], ['S', '88'], ['M', '94']]
 */
export function tableGrid(table: Element): string[][] {
  const grid: string[][] = [];
  rowsOf(table).forEach((cells, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      const text = cellText(cell);
      const rs = span(cell, 'rowspan');
      const cs = span(cell, 'colspan');
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = text;
      }
      c += cs;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}
