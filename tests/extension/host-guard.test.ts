import { describe, expect, it } from 'vitest';
import { checkDownloadUrl, hostReason } from '../../lib/download/host-guard';
import { parseIpv4, parseIpv6 } from '../../lib/download/ip-literal';
import { nonPublicReason } from '../../lib/download/private-addresses';

const refused = (url: string) => {
  try {
    checkDownloadUrl(url);
  } catch (e) {
    expect(e).toMatchObject({ code: 'blocked-url' });
    return (e as Error).message;
  }
  return null;
};

describe('IP literals', () => {
  it('reads IPv4 in every spelling a URL parser accepts', () => {
    const loopback = 0x7f000001;
    for (const s of ['127.0.0.1', '2130706433', '0177.0.0.1', '0x7f.0.0.1', '0x7f000001', '127.1', '127.0.1', '0177.0.0.01', '127.0.0.1.']) {
      expect(parseIpv4(s), s).toBe(loopback);
    }
    expect(parseIpv4('0')).toBe(0);
    expect(parseIpv4('256.0.0.1')).toBeNull();
    expect(parseIpv4('1.2.3.4.5')).toBeNull();
    expect(parseIpv4('08.0.0.1')).toBeNull(); // 8 is not an octal digit
    expect(parseIpv4('4294967296')).toBeNull();
    expect(parseIpv4('cdn.example')).toBeNull();
  });

  it('reads IPv6, compressed and with an IPv4 tail', () => {
    expect(parseIpv6('[::1]')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('[::ffff:7f00:1]')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('fe80::1:2')).toEqual([0xfe80, 0, 0, 0, 0, 0, 1, 2]);
    expect(parseIpv6('2001:db8:0:0:0:0:2:1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 2, 1]);
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseIpv6('::g')).toBeNull();
    expect(parseIpv6('127.0.0.1')).toBeNull();
  });

  it('names the block a non-public address is in, and passes public ones', () => {
    expect(nonPublicReason('10.1.2.3')).toMatch(/private network/);
    expect(nonPublicReason('172.31.255.255')).toMatch(/private network/);
    expect(nonPublicReason('172.32.0.1')).toBeNull();
    expect(nonPublicReason('192.168.1.1')).toMatch(/private network/);
    expect(nonPublicReason('169.254.169.254')).toMatch(/link-local/);
    expect(nonPublicReason('100.64.0.1')).toMatch(/carrier-grade/);
    expect(nonPublicReason('0.0.0.0')).toMatch(/this network/);
    expect(nonPublicReason('224.0.0.1')).toMatch(/multicast/);
    expect(nonPublicReason('255.255.255.255')).toMatch(/reserved/);
    expect(nonPublicReason('151.101.1.140')).toBeNull();
    expect(nonPublicReason('[::1]')).toMatch(/loopback/);
    expect(nonPublicReason('[::]')).toMatch(/unspecified/);
    expect(nonPublicReason('[fd12:3456::1]')).toMatch(/unique local/);
    expect(nonPublicReason('[fe80::1]')).toMatch(/link-local/);
    expect(nonPublicReason('[ff02::1]')).toMatch(/multicast/);
    expect(nonPublicReason('[::ffff:7f00:1]')).toBe('this computer (loopback), as IPv4-mapped IPv6 ([::ffff:7f00:1] is 127.0.0.1)');
    expect(nonPublicReason('[::ffff:c0a8:101]')).toMatch(/private network.*192\.168\.1\.1/);
    expect(nonPublicReason('[64:ff9b::a00:1]')).toMatch(/NAT64.*10\.0\.0\.1/);
    expect(nonPublicReason('[2002:7f00:1::]')).toMatch(/6to4.*127\.0\.0\.1/);
    expect(nonPublicReason('[::ffff:9765:18c]')).toBeNull(); // 151.101.1.140, mapped
    expect(nonPublicReason('[2606:4700::6810:84e5]')).toBeNull();
    expect(nonPublicReason('cdn.example')).toBeNull();
  });
});

describe('the download URL guard', () => {
  it('passes public http(s) addresses', () => {
    expect(checkDownloadUrl('https://cdn.shop.example/shirt.jpg').hostname).toBe('cdn.shop.example');
    expect(checkDownloadUrl('http://151.101.1.140:8080/a.jpg').hostname).toBe('151.101.1.140');
    expect(checkDownloadUrl('https://[2606:4700::6810:84e5]/a.jpg').hostname).toBe('[2606:4700::6810:84e5]');
    expect(checkDownloadUrl('https://img.alicdn.com/imgextra/i1/x.jpg_.webp').hostname).toBe('img.alicdn.com');
  });

  it('refuses loopback in every spelling: dotted, decimal, octal, hex, short, IPv6, mapped', () => {
    for (const url of [
      'http://127.0.0.1/a.jpg', 'http://2130706433/a.jpg', 'http://0177.0.0.1/a.jpg', 'http://0x7f.0.0.1/a.jpg', 'http://0x7f000001/a.jpg',
      'http://127.1/a.jpg', 'http://127.0.0.1./a.jpg', 'http://017700000001/a.jpg', 'http://[::1]/a.jpg', 'http://[::ffff:127.0.0.1]/a.jpg',
      'http://[0:0:0:0:0:ffff:7f00:1]/a.jpg', 'http://0/a.jpg', 'http://0.0.0.0:8080/a.jpg',
    ]) {
      expect(refused(url), url).toMatch(/this computer|this network/);
    }
  });

  it('refuses private, link-local and metadata addresses, also as decimal numbers', () => {
    expect(refused('http://192.168.1.1/admin.png')).toBe('http://192.168.1.1/admin.png points at a private network (home or office), not at a public web server.');
    expect(refused('http://3232235777/x.jpg')).toMatch(/private network/); // 192.168.1.1
    expect(refused('http://10.0.0.5:9000/x.jpg')).toMatch(/private network/);
    expect(refused('http://012.0.0.5/x.jpg')).toMatch(/private network/); // 10.0.0.5 in octal
    expect(refused('http://169.254.169.254/latest/meta-data/')).toMatch(/link-local/);
    expect(refused('http://[fe80::1]/x.jpg')).toMatch(/link-local/);
    expect(refused('http://[fc00::1]/x.jpg')).toMatch(/unique local/);
  });

  it('refuses local names: localhost with or without its trailing dot, .local, single labels', () => {
    expect(refused('http://localhost/x.jpg')).toMatch(/localhost/);
    expect(refused('http://localhost./x.jpg')).toMatch(/localhost/);
    expect(refused('http://LOCALHOST:3000/x.jpg')).toMatch(/localhost/);
    expect(refused('http://api.localhost/x.jpg')).toMatch(/localhost/);
    expect(refused('http://printer.local/scan.jpg')).toMatch(/\.local/);
    expect(refused('http://printer.local./scan.jpg')).toMatch(/\.local/);
    expect(refused('http://nas.home.arpa/x.jpg')).toMatch(/home network/);
    expect(refused('http://db.internal/x.jpg')).toMatch(/\.internal/);
    expect(refused('http://router.lan/x.jpg')).toMatch(/\.lan/);
    expect(refused('http://router/x.jpg')).toMatch(/name on the local network \(router/);
    expect(hostReason('shop.example')).toBeNull();
    expect(hostReason('localhost.example.com')).toBeNull(); // a public name that starts with localhost
  });

  it('refuses other schemes and credentials, naming what it received', () => {
    expect(refused('ftp://cdn.example/a.jpg')).toBe('Expected an http or https image address but received a ftp: address (ftp://cdn.example/a.jpg).');
    expect(refused('file:///etc/passwd')).toMatch(/file: address/);
    expect(refused('data:image/png;base64,iVBORw0KGgo=')).toMatch(/data: address/);
    expect(refused('blob:https://shop.example/1234')).toMatch(/blob: address/);
    expect(refused('chrome-extension://abc/popup.html')).toMatch(/chrome-extension: address/);
    expect(refused('https://user:secret@cdn.example/a.jpg')).toMatch(/without a user name or password/);
    expect(refused('shirt.jpg')).toBe('Expected an absolute http or https image address but received "shirt.jpg".');
  });
});
