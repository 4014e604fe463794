/**
 * Which kind of garment the try-on used (read from the photo, or from the store's
 * words), and buttons to say what it really is when Fitroom got it wrong: the garment
 * is then analysed again as that kind.
 */
import type { GarmentCategory } from '@/lib/engine/types';
import './choices.css';
import type { MessageKey } from '@/lib/i18n/catalogues';
import { t } from '@/lib/i18n/translate';

export interface KindPickerProps {
  /** The kind of the result on show; absent after a failed try-on. */
  used?: GarmentCategory;
  onChoose?(kind: GarmentCategory): void;
}

const KINDS: GarmentCategory[] = ['upper', 'lower', 'dress'];
const KIND_LABEL: Record<GarmentCategory, MessageKey> = { upper: 'kind_upper', lower: 'kind_lower', dress: 'kind_dress' };
const USED_SENTENCE: Record<GarmentCategory, MessageKey> = { upper: 'kind_used_upper', lower: 'kind_used_lower', dress: 'kind_used_dress' };

/**
 * @example <KindPicker used="lower" onChoose={(kind) => overlay.chooseKind(kind)} />
 */
export function KindPicker({ used, onChoose }: KindPickerProps) {
  return (
    <div class="fr-choices" data-fitroom="kind-picker" data-kind={used}>
      {used && <span class="fr-choices-label" data-fitroom="kind-used">{t(USED_SENTENCE[used])}</span>}
      <span class="fr-choices-label" id="fr-kind-label">{used ? t('kind_wrong') : t('kind_try_as')}</span>
      <div class="fr-choice-row" role="group" aria-labelledby="fr-kind-label">
        {KINDS.map((k) => (
          <button
            type="button"
            key={k}
            class={`fr-choice${k === used ? ' fr-choice-chosen' : ''}`}
            data-fitroom="kind-option"
            data-kind={k}
            data-active={k === used ? 'true' : undefined}
            aria-pressed={k === used}
            onClick={() => {
              if (k !== used) onChoose?.(k);
            }}
          >
            {t(KIND_LABEL[k])}
          </button>
        ))}
      </div>
    </div>
  );
}
