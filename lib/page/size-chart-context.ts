/**
 * What the surroundings of a size-chart table say: its caption, nearby headings
 * and notes, the tab, disclosure or dialog it sits in, and an active unit toggle.
 * Nearest first, so the closest statement wins.
 */

const MAX_LEVELS = 4;
const MAX_TEXT = 300;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

/** The label of a tab panel, disclosure or dialog the element is, or ''. */
function ownLabel(el: Element): string {
  const doc = el.ownerDocument;
  if (el.tagName === 'DETAILS') return clean(el.querySelector('summary')?.textContent);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) return clean(labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' '));
  const label = el.getAttribute('aria-label');
  if (label) return clean(label);
  const id = el.getAttribute('id');
  if (id && el.getAttribute('role') === 'tabpanel') {
    const tab = Array.from(doc.querySelectorAll('[aria-controls]')).find((t) => t.getAttribute('aria-controls') === id);
    if (tab) return clean(tab.textContent);
  }
  return '';
}

function siblingTexts(el: Element, direction: 'previous' | 'next'): string[] {
  const out: string[] = [];
  for (let s = direction === 'previous' ? el.previousElementSibling : el.nextElementSibling; s && out.length < 4;
    s = direction === 'previous' ? s.previousElementSibling : s.nextElementSibling) {
    // Another chart's table says nothing about this one; its heading (next sibling over) still may.
    if (s.tagName === 'SCRIPT' || s.tagName === 'STYLE' || s.tagName === 'TABLE' || s.querySelector('table')) continue;
    const t = clean(s.textContent);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Texts around a chart table, nearest first: caption, notes right before and after
 * it, then for each enclosing element (up to 4 levels) its own label (summary, tab,
 * aria-label) and the texts before and after it.
 *
 * @example
 * contextTexts(table) // → ['Body measurements (cm)', 'Measure around the fullest part of your chest.', 'Size guide']
 */
export function contextTexts(table: Element): string[] {
  const out: string[] = [];
  const caption = table.querySelector('caption');
  if (caption) out.push(clean(caption.textContent));
  out.push(...siblingTexts(table, 'previous'), ...siblingTexts(table, 'next'));
  let el: Element | null = table.parentElement;
  for (let level = 0; el && el.tagName !== 'BODY' && level < MAX_LEVELS; level++, el = el.parentElement) {
    const label = ownLabel(el);
    if (label) out.push(label);
    out.push(...siblingTexts(el, 'previous'), ...siblingTexts(el, 'next'));
  }
  return out.filter(Boolean);
}

const UNIT_WORDS: Record<string, 'cm' | 'in'> = { cm: 'cm', cms: 'cm', centimeters: 'cm', centimetres: 'cm', 厘米: 'cm', 公分: 'cm', in: 'in', inch: 'in', inches: 'in', 英寸: 'in' };
const ACTIVE_CLASS = /(^|[\s_-])(active|selected|current|checked|on)($|[\s_-])/i;

function isActive(el: Element): boolean {
  if (ACTIVE_CLASS.test(el.getAttribute('class') ?? '')) return true;
  if (['aria-pressed', 'aria-selected', 'aria-checked'].some((a) => el.getAttribute(a) === 'true')) return true;
  return (el.tagName === 'INPUT' && el.hasAttribute('checked')) || (el.tagName === 'OPTION' && el.hasAttribute('selected'));
}

function unitWord(el: Element): 'cm' | 'in' | undefined {
  const raw = el.tagName === 'INPUT' ? el.getAttribute('value') : el.getAttribute('data-unit') ?? el.textContent;
  return UNIT_WORDS[(raw ?? '').trim().toLowerCase()];
}

/**
 * The unit an active unit toggle (CM | IN buttons, radios, a select) near the table
 * shows, or null when there is no toggle or it is not clear which side is on.
 *
 * @example
 * activeUnitToggle(table) // → 'in' for `<button class="active">IN</button><button>CM</button>` beside it
 */
export function activeUnitToggle(table: Element): 'cm' | 'in' | null {
  let el: Element | null = table.parentElement;
  for (let level = 0; el && el.tagName !== 'BODY' && level < MAX_LEVELS; level++, el = el.parentElement) {
    const toggles = Array.from(el.querySelectorAll('button, a, label, span, li, input, option, [role="tab"], [role="radio"]'))
      .filter((t) => !t.closest('table') && unitWord(t));
    if (toggles.length < 2) continue;
    const active = new Set(toggles.filter(isActive).map(unitWord));
    return active.size === 1 ? [...active][0]! : null;
  }
  return null;
}
