/**
 * How much of a picture changed between two results shown in an extension page, for e2e tests.
 */
import type { Page } from 'playwright-core';

/**
 * The share of pixels that differ between two result images (data or blob URLs), decoded in the
 * page: a pixel differs when its channels differ by more than 30 in all (JPEG and PNG noise stay under it).
 * @example expect(await changedShare(frame, before, after)).toBeGreaterThan(0.02);
 */
export function changedShare(page: Pick<Page, 'evaluate'>, a: string, b: string): Promise<number> {
  return page.evaluate(async ([a, b]) => {
    const load = async (src: string) => { const img = new Image(); img.src = src; await img.decode(); return img; };
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    const canvas = new OffscreenCanvas(ia.naturalWidth, ia.naturalHeight);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(ia, 0, 0);
    const da = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    ctx.drawImage(ib, 0, 0);
    const db = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < da.length; i += 4) if (Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]) > 30) n++;
    return n / (da.length / 4);
  }, [a, b] as const);
}
