import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n/translate';
import { CAMERA_PROBLEM_KEY, CameraError, cameraProblem, hasCamera, openCamera, type MediaDevicesLike } from '../../lib/fitting-room/camera';
import { COMPARE_MAX, canCompare, keepExisting, toggleCompare } from '../../lib/looks/compare-selection';

const devices = (kinds: MediaDeviceKind[], fail?: string): MediaDevicesLike => ({
  enumerateDevices: async () => kinds.map((kind) => ({ kind }) as MediaDeviceInfo),
  getUserMedia: async () => {
    if (fail) throw Object.assign(new Error(`${fail} happened`), { name: fail });
    return { getTracks: () => [] } as unknown as MediaStream;
  },
});

describe('the camera', () => {
  it('knows whether the device has one, without asking', async () => {
    expect(await hasCamera(devices(['audioinput', 'videoinput']))).toBe(true);
    expect(await hasCamera(devices(['audioinput']))).toBe(false);
    expect(await hasCamera(undefined)).toBe(false);
  });

  it('says why it could not open, for each way it fails', async () => {
    for (const [name, problem] of [['NotFoundError', 'no-camera'], ['NotAllowedError', 'refused'], ['SecurityError', 'refused'], ['NotReadableError', 'busy'], ['AbortError', 'failed']] as const) {
      await expect(openCamera(devices(['videoinput'], name))).rejects.toMatchObject({ problem, message: expect.stringContaining(name) });
      expect(cameraProblem({ name })).toBe(problem);
    }
    await expect(openCamera(undefined)).rejects.toBeInstanceOf(CameraError);
    await expect(openCamera(undefined)).rejects.toMatchObject({ problem: 'no-camera' });
    // Every problem has a sentence that tells the shopper what to do instead.
    for (const key of Object.values(CAMERA_PROBLEM_KEY)) expect(t(key)).toMatch(/\.$/);
  });
});

describe('picking looks to compare', () => {
  it('adds in order, removes on a second pick, and stops at four', () => {
    let picked: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) picked = toggleCompare(picked, id);
    expect(picked).toEqual(['a', 'b', 'c', 'd']);
    expect(picked).toHaveLength(COMPARE_MAX);
    picked = toggleCompare(picked, 'b');
    expect(picked).toEqual(['a', 'c', 'd']);
    expect(canCompare(picked)).toBe(true);
    expect(canCompare(['a'])).toBe(false);
    expect(keepExisting(picked, new Set(['a', 'd']))).toEqual(['a', 'd']);
  });
});
