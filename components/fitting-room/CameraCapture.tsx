/**
 * Taking the portrait with the camera, where the device has one: a live view, "Take the
 * photo", and the frame goes through the same pipeline as a chosen file. Without a camera,
 * or when the camera is refused or busy, it says so and points to choosing a photo.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CAMERA_PROBLEM_KEY, CameraError, captureFrame, closeCamera, hasCamera, openCamera, type CameraProblem } from '@/lib/fitting-room/camera';
import { t } from '@/lib/i18n/translate';

export interface CameraCaptureProps {
  onPhoto(file: File): void;
  /** A photo is being analysed: no new one until it is done. */
  disabled?: boolean;
}

type CameraState =
  | { step: 'checking' }
  | { step: 'ready' }
  | { step: 'starting' }
  | { step: 'live'; stream: MediaStream }
  | { step: 'problem'; problem: CameraProblem };

/**
 * @example <CameraCapture onPhoto={(file) => void choose(file)} disabled={state.status === 'analysing'} />
 */
export function CameraCapture({ onPhoto, disabled }: CameraCaptureProps) {
  const [state, setState] = useState<CameraState>({ step: 'checking' });
  const video = useRef<HTMLVideoElement>(null);
  const stream = state.step === 'live' ? state.stream : null;

  useEffect(() => {
    void hasCamera(navigator.mediaDevices).then((has) => setState(has ? { step: 'ready' } : { step: 'problem', problem: 'no-camera' }));
  }, []);
  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
    return () => closeCamera(stream); // the camera's light goes off when the view closes
  }, [stream]);

  const fail = (e: unknown) => setState({ step: 'problem', problem: e instanceof CameraError ? e.problem : 'failed' });
  const start = () => {
    setState({ step: 'starting' });
    openCamera(navigator.mediaDevices).then((s) => setState({ step: 'live', stream: s }), fail);
  };
  const take = () => {
    if (!video.current) return;
    captureFrame(video.current).then((file) => {
      setState({ step: 'ready' });
      onPhoto(file);
    }, fail);
  };

  return (
    <div class="camera" data-fitroom="camera" data-state={state.step} data-problem={state.step === 'problem' ? state.problem : undefined}>
      {state.step === 'live' && (
        <>
          <video ref={video} class="camera-view" autoplay muted playsInline data-fitroom="camera-view" />
          <div class="actions">
            <button type="button" class="button primary" data-fitroom="camera-take" onClick={take}>
              {t('camera_take')}
            </button>
            <button type="button" class="button secondary" data-fitroom="camera-cancel" onClick={() => setState({ step: 'ready' })}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
      {(state.step === 'ready' || state.step === 'starting' || (state.step === 'problem' && state.problem !== 'no-camera')) && (
        <button type="button" class="button secondary" data-fitroom="camera-open" disabled={disabled || state.step === 'starting'} onClick={start}>
          {t('camera_open')}
        </button>
      )}
      {state.step === 'problem' && (
        <p class="camera-problem" role="status" data-fitroom="camera-problem">
          {t(CAMERA_PROBLEM_KEY[state.problem])}
        </p>
      )}
    </div>
  );
}
