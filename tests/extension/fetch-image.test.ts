import { describe, expect, it } from 'vitest';
import { fetchImageBytes, MAX_IMAGE_BYTES } from '../../lib/fetch-image';

const PNG_HEADER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0]);
const respond = (body: BodyInit | null, init?: ResponseInit) => (async () => new Response(body, init)) as unknown as typeof fetch;

describe('fetchImageBytes', () => {
  it('returns the bytes of a picture and its type from its header', async () => {
    const got = await fetchImageBytes('https://cdn.example/a.png', respond(PNG_HEADER, { headers: { 'content-type': 'application/octet-stream' } }));
    expect(got).toMatchObject({ mimeType: 'image/png', format: 'png' });
    expect(got.bytes).toEqual(PNG_HEADER);
  });

  it('names the URL and the status of a failed download', async () => {
    await expect(fetchImageBytes('https://cdn.example/gone.jpg', respond('no', { status: 404, statusText: 'Not Found' })))
      .rejects.toMatchObject({ code: 'fetch-failed', message: 'Could not download https://cdn.example/gone.jpg: the server answered 404 Not Found.' });
    const offline = (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    await expect(fetchImageBytes('https://cdn.example/a.jpg', offline)).rejects.toMatchObject({ code: 'fetch-failed', message: expect.stringContaining('Failed to fetch') });
  });

  it('refuses what is not a picture, too large, or not http', async () => {
    await expect(fetchImageBytes('https://shop.example/login', respond('<html>please log in</html>'))).rejects.toMatchObject({ code: 'not-an-image' });
    await expect(fetchImageBytes('https://cdn.example/huge.jpg', respond(PNG_HEADER, { headers: { 'content-length': String(MAX_IMAGE_BYTES + 1) } })))
      .rejects.toMatchObject({ code: 'fetch-failed', message: expect.stringContaining('at most 40 MB') });
    await expect(fetchImageBytes('blob:https://shop.example/1234', respond(PNG_HEADER))).rejects.toMatchObject({ code: 'fetch-failed', message: expect.stringContaining('blob: URL') });
    await expect(fetchImageBytes('shirt.jpg', respond(PNG_HEADER))).rejects.toMatchObject({ message: 'Expected an absolute image URL but received "shirt.jpg".' });
  });
});
