/**
 * Taking the portrait with the device's camera (getUserMedia) in the fitting room: is
 * there a camera, open it, and turn one frame into a photo file for the portrait pipeline
 * (the same one a chosen file goes through: re-encoded and analysed in the offscreen
 * document). Each way it can fail has its own reason, so the shopper is told plainly.
 */
import type { MessageKey } from '../i18n/catalogues';

/** Why the camera cannot be used. */
export type CameraProblem =
  | 'no-camera' // none on this device, or the browser offers no camera access
  | 'refused' // the shopper or the browser's settings said no
  | 'busy' // another program holds it
  | 'failed'; // anything else

export class CameraError extends Error {
  readonly problem: CameraProblem;
  constructor(problem: CameraProblem, message: string) {
    super(message);
    this.name = 'CameraError';
    this.problem = problem;
  }
}

/** What the fitting room says for each problem: a whole sentence each, in the catalogues (lib/i18n/). */
export const CAMERA_PROBLEM_KEY: Record<CameraProblem, MessageKey> = {
  'no-camera': 'camera_no_camera',
  refused: 'camera_refused',
  busy: 'camera_busy',
  failed: 'camera_failed',
};

/** The part of navigator.mediaDevices the camera needs. */
export type MediaDevicesLike = Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'>;

/**
 * Whether the device has a camera, without asking for permission (the list of kinds is
 * given before any permission; only the names are withheld).
 * @example if (!(await hasCamera(navigator.mediaDevices))) showNoCamera();
 */
export async function hasCamera(devices: MediaDevicesLike | undefined): Promise<boolean> {
  if (!devices) return false;
  try {
    return (await devices.enumerateDevices()).some((d) => d.kind === 'videoinput');
  } catch {
    return false;
  }
}

/**
 * The camera problem a getUserMedia failure means (DOMException names per the Media Capture spec).
 * @example cameraProblem(new DOMException('denied', 'NotAllowedError')) // 'refused'
 */
export function cameraProblem(e: unknown): CameraProblem {
  const name = (e as { name?: unknown } | null)?.name;
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'no-camera';
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'refused';
    case 'NotReadableError':
    case 'TrackStartError':
      return 'busy';
    default:
      return 'failed';
  }
}

/**
 * Opens the front camera at up to 1920x1080 (the portrait is capped at 2048 px anyway).
 * @throws CameraError saying why there is no picture.
 * @example const stream = await openCamera(navigator.mediaDevices); video.srcObject = stream;
 */
export async function openCamera(devices: MediaDevicesLike | undefined): Promise<MediaStream> {
  if (!devices?.getUserMedia) throw new CameraError('no-camera', 'Expected navigator.mediaDevices.getUserMedia but this browser has none.');
  try {
    return await devices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false });
  } catch (e) {
    throw new CameraError(cameraProblem(e), `The camera could not be opened: ${(e as Error)?.name ?? 'Error'}: ${(e as Error)?.message ?? String(e)}`);
  }
}

/**
 * Stops every track, so the camera's light goes off.
 * @example useEffect(() => () => closeCamera(stream), [stream]);
 */
export function closeCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * The video's current frame as a JPEG file, as if the shopper had chosen it.
 * @throws CameraError('failed') when the video has no frame yet.
 * @example choose(await captureFrame(video)); // the popup's portrait pipeline
 */
export async function captureFrame(video: HTMLVideoElement, now: number = Date.now()): Promise<File> {
  const { videoWidth: width, videoHeight: height } = video;
  if (!width || !height) throw new CameraError('failed', 'Expected a camera frame but the video has none yet.');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  if (!blob) throw new CameraError('failed', `Expected the ${width}x${height} frame to encode as a JPEG, but the browser gave nothing.`);
  return new File([blob], `camera-${now}.jpg`, { type: 'image/jpeg' });
}
