/**
 * Which garment URLs the extension may download. The background fetches with the
 * extension's host permission, from the shopper's own machine: a page that could
 * point it at `http://192.168.1.1/` or `http://localhost:8080/` would use the
 * shopper's browser to reach their home network. Product photos live on the public
 * web, so only http(s) URLs whose host is a public name or a public address pass.
 *
 * Names are judged by their spelling: the extension cannot see what a name resolves
 * to before connecting (docs/privacy.md says what that leaves open).
 */
import { ExtensionError } from '../error-info';
import { parseIpv4, parseIpv6 } from './ip-literal';
import { nonPublicReason } from './private-addresses';

export const DOWNLOAD_SCHEMES = ['http:', 'https:'];

/** Name suffixes that always mean this computer or the local network, with the reason shown. */
export const LOCAL_NAME_SUFFIXES: readonly [suffix: string, why: string][] = [
  ['localhost', 'this computer (localhost)'],
  ['localdomain', 'this computer or the local network (.localdomain)'],
  ['local', 'a device on the local network (.local, multicast DNS)'],
  ['home.arpa', 'the home network (.home.arpa)'],
  ['internal', 'a private network (.internal)'],
  ['lan', 'the local network (.lan, as home routers name it)'],
];

/** Longer URLs are cut in messages. */
const SHOWN_URL_CHARS = 120;

/**
 * The parsed URL when the extension may download it.
 * @throws ExtensionError('blocked-url') naming the URL and why: not http(s), a user name or
 *         password in it, or a host that is this computer or a private, link-local or special network.
 * @example checkDownloadUrl('https://cdn.shop.example/shirt.jpg').hostname // 'cdn.shop.example'
 * @example checkDownloadUrl('http://0177.0.0.1/x.jpg') // throws: … this computer (loopback)
 */
export function checkDownloadUrl(url: string): URL {
  const shown = shownUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ExtensionError('blocked-url', `Expected an absolute http or https image address but received ${JSON.stringify(shown)}.`);
  }
  if (!DOWNLOAD_SCHEMES.includes(parsed.protocol)) {
    throw new ExtensionError('blocked-url', `Expected an http or https image address but received a ${parsed.protocol} address (${shown}).`);
  }
  if (parsed.username || parsed.password) {
    throw new ExtensionError('blocked-url', `Expected an image address without a user name or password but received ${shown}.`);
  }
  const why = hostReason(parsed.hostname);
  if (why) throw new ExtensionError('blocked-url', `${shown} points at ${why}, not at a public web server.`);
  return parsed;
}

/**
 * Why a host (as `URL.hostname` gives it) is not on the public internet, or null.
 * @example hostReason('localhost.') // 'this computer (localhost)'
 * @example hostReason('printer.local') // 'a device on the local network (.local, multicast DNS)'
 */
export function hostReason(hostname: string): string | null {
  if (parseIpv4(hostname) !== null || parseIpv6(hostname) !== null) return nonPublicReason(hostname);
  // 'localhost.' is 'localhost': a trailing dot only makes a name absolute.
  const name = hostname.toLowerCase().replace(/\.+$/, '');
  if (name === '') return 'an empty host name';
  if (/^[\d.]+$/.test(name) || /^0x/i.test(name)) {
    // URL parsers turn every IPv4 spelling into dotted form; anything number-like left is not an address.
    return `a host that is neither a name nor an address (${name})`;
  }
  for (const [suffix, why] of LOCAL_NAME_SUFFIXES) if (name === suffix || name.endsWith(`.${suffix}`)) return why;
  if (!name.includes('.')) return `a name on the local network (${name}: public hosts have a dot in their name)`;
  return null;
}

/**
 * A URL cut to a readable length for messages.
 * @example shownUrl('https://cdn.example/a.jpg') // 'https://cdn.example/a.jpg'
 */
export function shownUrl(url: string): string {
  return url.length > SHOWN_URL_CHARS ? `${url.slice(0, SHOWN_URL_CHARS - 3)}...` : url;
}
