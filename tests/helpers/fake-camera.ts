/**
 * A camera for the end-to-end tests that films a chosen photo: Chromium's fake capture
 * device plays a video file given by --use-file-for-fake-video-capture, and this writes
 * one still picture as such a file (Y4M: a header, then one 4:2:0 YUV frame, which
 * Chromium repeats).
 */
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

/**
 * Writes `imagePath` as a one-frame Y4M video at `outPath` (cropped to even sides) and
 * returns the frame's size.
 * @example const { width, height } = await stillVideo(samplePath('persons/01008_00.jpg'), '/tmp/me.y4m');
 */
export async function stillVideo(imagePath: string, outPath: string): Promise<{ width: number; height: number }> {
  const { data, info } = await sharp(imagePath).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const width = info.width & ~1;
  const height = info.height & ~1;
  const rgb = (x: number, y: number) => {
    const i = (y * info.width + x) * 3;
    return [data[i], data[i + 1], data[i + 2]];
  };
  // BT.601 studio range, what Y4M's 4:2:0 means by default.
  const yPlane = Buffer.alloc(width * height);
  const uPlane = Buffer.alloc((width / 2) * (height / 2));
  const vPlane = Buffer.alloc((width / 2) * (height / 2));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, y);
      yPlane[y * width + x] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let [r, g, b] = [0, 0, 0];
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const [pr, pg, pb] = rgb(x + dx, y + dy);
        r += pr / 4;
        g += pg / 4;
        b += pb / 4;
      }
      const i = (y / 2) * (width / 2) + x / 2;
      uPlane[i] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
      vPlane[i] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  writeFileSync(outPath, Buffer.concat([header, yPlane, uPlane, vPlane]));
  return { width, height };
}
