/**
 * Which IP addresses are not the public internet: this computer, the home or office
 * network, link-local and the cloud metadata service, and the special-use blocks
 * (IANA's IPv4 and IPv6 special-purpose registries). A garment photo never lives
 * there, and a page must not use the extension to reach them.
 */
import { formatIpv4, parseIpv4, parseIpv6, type Ipv4, type Ipv6 } from './ip-literal';

interface Ipv4Block {
  base: string;
  bits: number;
  why: string;
}

/** Blocks refused, each with the reason shown to the shopper. */
export const NON_PUBLIC_IPV4: readonly Ipv4Block[] = [
  { base: '0.0.0.0', bits: 8, why: '"this network", which reaches this computer' },
  { base: '10.0.0.0', bits: 8, why: 'a private network (home or office)' },
  { base: '100.64.0.0', bits: 10, why: "a provider's shared network (carrier-grade NAT)" },
  { base: '127.0.0.0', bits: 8, why: 'this computer (loopback)' },
  { base: '169.254.0.0', bits: 16, why: 'the link-local network (and cloud metadata services)' },
  { base: '172.16.0.0', bits: 12, why: 'a private network (home or office)' },
  { base: '192.0.0.0', bits: 24, why: 'a protocol-assignment block' },
  { base: '192.0.2.0', bits: 24, why: 'a documentation block' },
  { base: '192.168.0.0', bits: 16, why: 'a private network (home or office)' },
  { base: '198.18.0.0', bits: 15, why: 'a benchmarking block' },
  { base: '198.51.100.0', bits: 24, why: 'a documentation block' },
  { base: '203.0.113.0', bits: 24, why: 'a documentation block' },
  { base: '224.0.0.0', bits: 4, why: 'multicast' },
  { base: '240.0.0.0', bits: 4, why: 'a reserved block (and broadcast)' },
];

interface Ipv6Block {
  /** The block's first groups; the rest are zero. */
  prefix: number[];
  bits: number;
  why: string;
}

const NON_PUBLIC_IPV6: readonly Ipv6Block[] = [
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0], bits: 128, why: 'the unspecified address, which reaches this computer' },
  { prefix: [0, 0, 0, 0, 0, 0, 0, 1], bits: 128, why: 'this computer (loopback)' },
  { prefix: [0x64, 0xff9b, 1], bits: 48, why: 'a local NAT64 block' },
  { prefix: [0x100], bits: 64, why: 'a discard block' },
  { prefix: [0x2001, 0xdb8], bits: 32, why: 'a documentation block' },
  { prefix: [0xfc00], bits: 7, why: 'a private network (unique local)' },
  { prefix: [0xfe80], bits: 10, why: 'the link-local network' },
  { prefix: [0xfec0], bits: 10, why: 'a site-local network' },
  { prefix: [0xff00], bits: 8, why: 'multicast' },
];

/** IPv6 blocks that carry an IPv4 address: the IPv4 inside decides. */
const IPV4_CARRIERS: readonly { prefix: number[]; bits: number; v4At: number; name: string }[] = [
  { prefix: [0, 0, 0, 0, 0, 0xffff], bits: 96, v4At: 6, name: 'IPv4-mapped' },
  { prefix: [0, 0, 0, 0, 0, 0], bits: 96, v4At: 6, name: 'IPv4-compatible' },
  { prefix: [0x64, 0xff9b], bits: 96, v4At: 6, name: 'NAT64' },
  { prefix: [0x2002], bits: 16, v4At: 1, name: '6to4' },
];

/**
 * Why a literal address is not public, or null when it is public or not a literal
 * (a host name: see host-guard.ts for names).
 * @example nonPublicReason('192.168.1.1') // 'a private network (home or office)'
 * @example nonPublicReason('[::ffff:7f00:1]') // 'this computer (loopback), as IPv4-mapped IPv6 ([::ffff:7f00:1] is 127.0.0.1)'
 * @example nonPublicReason('151.101.1.1') // null
 */
export function nonPublicReason(host: string): string | null {
  const v4 = parseIpv4(host);
  if (v4 !== null) return ipv4Reason(v4);
  const v6 = parseIpv6(host);
  if (v6 !== null) return ipv6Reason(v6, host);
  return null;
}

function ipv4Reason(ip: Ipv4): string | null {
  for (const block of NON_PUBLIC_IPV4) {
    const base = parseIpv4(block.base)!;
    const mask = block.bits === 0 ? 0 : (0xffffffff << (32 - block.bits)) >>> 0;
    if (((ip & mask) >>> 0) === ((base & mask) >>> 0)) return block.why;
  }
  return null;
}

function ipv6Reason(ip: Ipv6, shown: string): string | null {
  for (const block of NON_PUBLIC_IPV6) if (inBlock(ip, block.prefix, block.bits)) return block.why;
  for (const carrier of IPV4_CARRIERS) {
    if (!inBlock(ip, carrier.prefix, carrier.bits)) continue;
    const v4 = ((ip[carrier.v4At] << 16) | ip[carrier.v4At + 1]) >>> 0;
    const why = ipv4Reason(v4);
    return why && `${why}, as ${carrier.name} IPv6 (${shown} is ${formatIpv4(v4)})`;
  }
  return null;
}

function inBlock(ip: Ipv6, prefix: number[], bits: number): boolean {
  for (let g = 0; g * 16 < bits; g++) {
    const take = Math.min(16, bits - g * 16);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((ip[g] & mask) !== ((prefix[g] ?? 0) & mask)) return false;
  }
  return true;
}
