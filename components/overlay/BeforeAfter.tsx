/**
 * The result with a before/after slider: the shopper's own photo is laid over the
 * result and revealed from the left as the slider moves (both are the same size).
 */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/translate';

export interface BeforeAfterProps {
  before: string;
  after: string;
  width: number;
  height: number;
  /** Called once the result image has loaded and is on screen. */
  onShown?(): void;
}

/**
 * @example <BeforeAfter before={response.portrait} after={response.resultPng} width={768} height={1024} />
 */
export function BeforeAfter({ before, after, width, height, onShown }: BeforeAfterProps) {
  // 0 = the result alone: it is what the shopper came for; the slider reveals the original.
  const [reveal, setReveal] = useState(0);
  return (
    <div class="fr-compare">
      <div class="fr-compare-frame" style={{ aspectRatio: `${width} / ${height}` }}>
        <img class="fr-compare-img" data-fitroom="result-image" src={after} alt={t('result_alt')} onLoad={() => onShown?.()} />
        <img
          class="fr-compare-img fr-compare-before"
          data-fitroom="before-image"
          src={before}
          alt={t('before_alt')}
          style={{ clipPath: `inset(0 ${100 - reveal}% 0 0)` }}
        />
        {reveal > 0 && reveal < 100 && <div class="fr-compare-line" style={{ left: `${reveal}%` }} aria-hidden="true" />}
      </div>
      <label class="fr-compare-control">
        <span>{t('before')}</span>
        <input
          type="range"
          min={0}
          max={100}
          value={reveal}
          data-fitroom="compare"
          aria-label={t('compare_slider')}
          onInput={(e) => setReveal(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <span>{t('after')}</span>
      </label>
    </div>
  );
}
