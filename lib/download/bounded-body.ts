/**
 * Reading a response body with a ceiling: the bytes are counted as they arrive and
 * the download is cancelled the moment they pass the cap, whether or not the server
 * declared a Content-Length (a server can omit it, or lie). Nothing larger than the
 * cap plus one network chunk is ever held.
 */

/**
 * All of `body`'s bytes, or the error `tooLarge(seen)` gives as soon as more than
 * `maxBytes` have arrived (the stream is cancelled then, so the rest is not downloaded).
 * @example const bytes = await readBodyWithCap(response.body, 40 * 1024 * 1024, (n) => new Error(`${n} bytes is too many`));
 */
export async function readBodyWithCap(body: ReadableStream<Uint8Array> | null, maxBytes: number, tooLarge: (seen: number) => Error): Promise<Uint8Array> {
  if (!(Number.isFinite(maxBytes) && maxBytes >= 0)) throw new RangeError(`Expected a byte count of 0 or more for maxBytes but received ${maxBytes}.`);
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += value.byteLength;
      if (seen > maxBytes) {
        void reader.cancel().catch(() => {}); // stop the download; its error is of no interest
        throw tooLarge(seen);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(seen);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
