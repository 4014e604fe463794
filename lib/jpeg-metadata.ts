/**
 * A JPEG's metadata segments, found and removed without decoding. A JPEG is a
 * sequence of marker segments; the picture is in the frame (SOF), tables (DQT, DHT,
 * DRI) and scans (SOS and their entropy-coded data). Everything about the camera, the
 * time, the place and the software lives in application segments APP0–APP15 (JFIF,
 * EXIF with its GPS block, XMP, ICC profiles, IPTC, Adobe, maker notes, thumbnails)
 * and comments (COM): all of these are dropped, whatever encoder wrote them.
 */

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const isApp = (m: number) => m >= 0xe0 && m <= 0xef;
/** Markers without a length: restart markers and TEM. */
const isStandalone = (m: number) => (m >= 0xd0 && m <= 0xd7) || m === 0x01;

interface Segment {
  marker: number;
  start: number;
  end: number;
}

/**
 * The names of the metadata segments in a JPEG (empty when there are none).
 * @throws Error naming the offset when the bytes are not a well-formed JPEG.
 * @example jpegMetadataMarkers(phonePhoto) // ['APP1', 'APP2']; after stripJpegMetadata: []
 */
export function jpegMetadataMarkers(bytes: Uint8Array): string[] {
  return segments(bytes)
    .filter((s) => isApp(s.marker) || s.marker === COM)
    .map((s) => (s.marker === COM ? 'COM' : `APP${s.marker - 0xe0}`));
}

/**
 * The same JPEG without its APPn and COM segments: the same pixels, no metadata.
 * @throws Error naming the offset when the bytes are not a well-formed JPEG.
 * @example const clean = stripJpegMetadata(bytes); jpegMetadataMarkers(clean) // []
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  const kept = segments(bytes).filter((s) => !isApp(s.marker) && s.marker !== COM);
  const out = new Uint8Array(2 + kept.reduce((n, s) => n + s.end - s.start, 0));
  out[0] = 0xff;
  out[1] = SOI;
  let at = 2;
  for (const s of kept) {
    out.set(bytes.subarray(s.start, s.end), at);
    at += s.end - s.start;
  }
  return out;
}

/** Every segment after SOI, up to and including EOI; a scan's segment runs to the next marker. */
function segments(bytes: Uint8Array): Segment[] {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) throw new Error(`Expected a JPEG (starting ff d8) but the bytes start ${hex(bytes, 0, 2)}.`);
  const out: Segment[] = [];
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw new Error(`Expected a JPEG marker at byte ${i} but found ${hex(bytes, i, 1)}.`);
    while (bytes[i + 1] === 0xff) i++; // fill bytes before a marker
    const start = i;
    const marker = bytes[i + 1];
    if (marker === undefined) throw new Error(`Expected a JPEG marker at byte ${i} but the file ends.`);
    if (marker === EOI) {
      out.push({ marker, start, end: i + 2 });
      return out;
    }
    if (isStandalone(marker)) {
      out.push({ marker, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (i + 4 > bytes.length) throw new Error(`Expected a segment length at byte ${i + 2} but the file ends.`);
    let end = i + 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
    if (end > bytes.length) throw new Error(`Expected ${end - i - 2} bytes of segment ff ${marker.toString(16)} at byte ${i} but the file ends.`);
    if (marker === SOS) end = scanEnd(bytes, end);
    out.push({ marker, start, end });
    i = end;
  }
  throw new Error('Expected a JPEG to end with ff d9 but the file ends before it.');
}

/** Where a scan's entropy-coded data ends: the first marker that is not a stuffed ff 00 or a restart. */
function scanEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  return bytes.length;
}

function hex(bytes: Uint8Array, from: number, n: number): string {
  return Array.from(bytes.subarray(from, from + n), (b) => b.toString(16).padStart(2, '0')).join(' ') || '(nothing)';
}
