/**
 * Pulling JSON objects out of inline scripts (`var meta = {...};`, x-magento-init).
 */

/**
 * The JSON object literal that starts at or after `from` in `text`, parsed; braces are
 * matched with strings taken into account. Undefined when there is none or it does not parse.
 *
 * @example
 * extractJsonObject('var meta = {"a":{"b":1}};', 11) // → { a: { b: 1 } }
 */
export function extractJsonObject(text: string, from = 0): Record<string, unknown> | undefined {
  const start = text.indexOf('{', from);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        const v: unknown = JSON.parse(text.slice(start, i + 1));
        return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Parse a whole script's text as JSON; undefined when it is not JSON.
 *
 * @example
 * parseScriptJson(document.querySelector('script[type="text/x-magento-init"]').textContent)
 */
export function parseScriptJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
