/** The progress indicator shown while a try-on runs. */
import { stageLabel } from '@/lib/error-messages';
import type { ProgressStage } from '@/lib/messaging';
import { t } from '@/lib/i18n/translate';

/**
 * @example <Progress stage="fitting" fraction={0.6} />
 */
export function Progress({ stage, fraction }: { stage: ProgressStage; fraction: number }) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div class="fr-progress" data-fitroom="progress" data-stage={stage}>
      <div class="fr-spinner" aria-hidden="true" />
      <p class="fr-progress-label">{stageLabel(stage)}</p>
      <div class="fr-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('progress_label')}>
        <div class="fr-bar-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
