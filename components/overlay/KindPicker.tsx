/**
 * Which kind of garment the try-on used (read from the photo, or from the store's
 * words), and buttons to say what it really is when Fitroom got it wrong: the garment
 * is then analysed again as that kind.
 */
import type { GarmentCategory } from '@/lib/engine/types';
import './choices.css';

export interface KindPickerProps {
  /** The kind of the result on show; absent after a failed try-on. */
  used?: GarmentCategory;
  onChoose?(kind: GarmentCategory): void;
}

const KINDS: GarmentCategory[] = ['upper', 'lower', 'dress'];
const KIND_LABEL: Record<GarmentCategory, string> = { upper: 'Top', lower: 'Bottom', dress: 'Dress' };
const USED_SENTENCE: Record<GarmentCategory, string> = {
  upper: 'Fitroom tried this on as a top.',
  lower: 'Fitroom tried this on as a bottom (trousers, shorts or a skirt).',
  dress: 'Fitroom tried this on as a dress.',
};

/**
 * @example <KindPicker used="lower" onChoose={(kind) => overlay.chooseKind(kind)} />
 */
export function KindPicker({ used, onChoose }: KindPickerProps) {
  return (
    <div class="fr-choices" data-fitroom="kind-picker" data-kind={used}>
      {used && <span class="fr-choices-label" data-fitroom="kind-used">{USED_SENTENCE[used]}</span>}
      <span class="fr-choices-label" id="fr-kind-label">{used ? 'Wrong kind? Try it as:' : 'Try it as:'}</span>
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
            {KIND_LABEL[k]}
          </button>
        ))}
      </div>
    </div>
  );
}
