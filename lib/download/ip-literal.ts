/**
 * IP address literals as URL hosts, read into numbers so a guard compares
 * addresses, not spellings: `127.0.0.1`, `2130706433`, `0177.0.0.1`, `0x7f.1` and
 * `127.1` are one address. IPv4 is read as the WHATWG URL standard reads it
 * (1–4 parts, each decimal, octal with a leading 0, or hex with 0x); IPv6 with
 * `::` and a trailing dotted IPv4.
 */

/** An IPv4 address as an unsigned 32-bit number. */
export type Ipv4 = number;
/** An IPv6 address as its eight 16-bit groups. */
export type Ipv6 = number[];

const IPV4_MAX = 0xffffffff;

/**
 * The IPv4 address a host spells, in any form a URL parser accepts, or null when
 * the host is not an IPv4 literal (a name, an IPv6 literal, a malformed number).
 * @example parseIpv4('0177.0.0.1') // 2130706433 (127.0.0.1)
 * @example parseIpv4('2130706433') // 2130706433
 * @example parseIpv4('shop.example') // null
 */
export function parseIpv4(host: string): Ipv4 | null {
  const parts = host.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // one trailing dot is allowed
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseIpv4Part(part);
    if (n === null) return null;
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255)) return null;
  // The last part fills the bytes the others left: '127.1' is 127.0.0.1.
  if (last >= 256 ** (4 - numbers.length)) return null;
  let value = last;
  numbers.forEach((n, i) => { value += n * 256 ** (3 - i); });
  return value <= IPV4_MAX ? value : null;
}

function parseIpv4Part(part: string): number | null {
  if (part === '') return null;
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
    if (digits === '') return 0; // '0x' alone is zero, as URL parsers read it
  } else if (part.length > 1 && part.startsWith('0')) {
    digits = part.slice(1);
    radix = 8;
  }
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return null;
  const n = parseInt(digits, radix);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The IPv6 address a host spells (with or without its brackets), or null when it is
 * not an IPv6 literal.
 * @example parseIpv6('[::ffff:127.0.0.1]') // [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]
 * @example parseIpv6('::1') // [0, 0, 0, 0, 0, 0, 0, 1]
 */
export function parseIpv6(host: string): Ipv6 | null {
  let text = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!text.includes(':') || /%/.test(text)) return null; // zone ids never appear in URLs
  // A trailing dotted IPv4 is the last two groups.
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: number[] = [];
  if (dotted) {
    const parts = dotted[1].split('.').map(Number);
    if (parts.some((p, i) => p > 255 || String(p) !== dotted[1].split('.')[i])) return null;
    tail = [parts[0] * 256 + parts[1], parts[2] * 256 + parts[3]];
    text = text.slice(0, text.length - dotted[1].length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const read = (g: string) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN);
  const headN = head.map(read);
  const restN = rest.map(read);
  if ([...headN, ...restN].some(Number.isNaN)) return null;
  const given = headN.length + restN.length + tail.length;
  if (halves.length === 1) return given === 8 ? [...headN, ...tail] : null;
  if (given > 7) return null; // '::' stands for at least one group
  return [...headN, ...new Array<number>(8 - given).fill(0), ...restN, ...tail];
}

/**
 * Dotted form of an IPv4 number, for messages.
 * @example formatIpv4(2130706433) // '127.0.0.1'
 */
export function formatIpv4(ip: Ipv4): string {
  return [24, 16, 8, 0].map((s) => (ip >>> s) & 255).join('.');
}
