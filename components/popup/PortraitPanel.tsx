/**
 * The portrait panel: choose, replace or delete the photo; see it with the detected
 * body drawn over it and a verdict; progress while it is analysed; errors with tips.
 */
import { describeError, stageLabel } from '@/lib/error-messages';
import { t } from '@/lib/i18n/translate';
import { exposedStatus, storedOf, type PortraitState } from '@/lib/popup/portrait-state';
import { PoseOverlay } from './PoseOverlay';
import { PortraitVerdict } from './PortraitVerdict';

export interface PortraitPanelProps {
  state: PortraitState;
  onChoose(file: File): void;
  onDelete(): void;
}

/**
 * @example <PortraitPanel state={state} onChoose={choose} onDelete={remove} />
 */
export function PortraitPanel({ state, onChoose, onDelete }: PortraitPanelProps) {
  const stored = storedOf(state);
  const status = exposedStatus(state);
  return (
    <section class="portrait">
      <div class="status" data-fitroom="portrait-status" data-state={status} aria-live="polite">
        {state.status === 'loading' && <p>{t('portrait_loading')}</p>}
        {state.status === 'empty' && <p>{t('portrait_empty')}</p>}
        {state.status === 'analysing' && (
          <div class="analysing">
            <div class="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(state.fraction * 100)}>
              <div class="bar-fill" style={{ width: `${Math.round(state.fraction * 100)}%` }} />
            </div>
            <p>{stageLabel(state.stage)}</p>
          </div>
        )}
        {state.status === 'error' && <ErrorText state={state} />}
        {state.status === 'ready' && <PortraitVerdict issues={state.stored.summary.issues} />}
      </div>

      {stored && (
        <figure class="preview">
          <div class="preview-frame" style={frameStyle(stored.summary.width, stored.summary.height)}>
            <img src={stored.photoUrl} alt={t('portrait_alt')} data-fitroom="portrait-image" />
            <PoseOverlay width={stored.summary.width} height={stored.summary.height} keypoints={stored.summary.keypoints} faceBox={stored.summary.faceBox} />
          </div>
        </figure>
      )}

      <div class="actions">
        <label class={`button ${stored ? 'secondary' : 'primary'}`}>
          {stored ? t('portrait_replace') : t('portrait_choose')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif,image/bmp"
            data-fitroom="portrait-input"
            disabled={state.status === 'analysing'}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = ''; // choosing the same file again must still fire
              if (file) onChoose(file);
            }}
          />
        </label>
        {stored && state.status !== 'analysing' && (
          <button type="button" class="button danger" data-fitroom="portrait-delete" onClick={onDelete}>
            {t('portrait_delete')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The photo's own aspect ratio, at most PREVIEW_MAX_HEIGHT tall, so the drawn body lines up with it. */
const PREVIEW_MAX_HEIGHT = 420;
function frameStyle(width: number, height: number) {
  return { aspectRatio: `${width} / ${height}`, width: `min(100%, ${Math.round((PREVIEW_MAX_HEIGHT * width) / height)}px)` };
}

function ErrorText({ state }: { state: Extract<PortraitState, { status: 'error' }> }) {
  const text = describeError(state.error);
  return (
    <div class="error" role="alert" data-code={state.error.code}>
      <p class="error-title">{text.title}</p>
      <p>{text.detail}</p>
      {state.stored && <p class="muted">{t('portrait_previous_kept')}</p>}
    </div>
  );
}
