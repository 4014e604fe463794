/**
 * The product's colours as small buttons named by the colour, the one on show pressed.
 * Names only, no swatch pictures: this page is cross-origin isolated (require-corp) and
 * most store CDNs do not send the header that would let it show their images.
 */
import { imageKey } from '@/lib/page/url';
import type { ColourVariant } from '@/lib/page/types';
import './choices.css';
import { t } from '@/lib/i18n/translate';

export interface VariantPickerProps {
  variants: ColourVariant[];
  /** The garment photo on show. */
  current?: string;
  onChoose?(variant: ColourVariant): void;
}

/**
 * @example <VariantPicker variants={[{ name: 'Navy', src }, { name: 'Sand', src: src2 }]} current={src} onChoose={tryColour} />
 */
export function VariantPicker({ variants, current, onChoose }: VariantPickerProps) {
  if (variants.length < 2) return null;
  const shown = current ? imageKey(current) : null;
  return (
    <div class="fr-choices" data-fitroom="variant-picker">
      <span class="fr-choices-label" id="fr-variants-label">{t('variants_label')}</span>
      <div class="fr-choice-row" role="group" aria-labelledby="fr-variants-label">
        {variants.map((v) => {
          const active = imageKey(v.src) === shown;
          return (
            <button
              type="button"
              key={v.src}
              class={`fr-choice${active ? ' fr-choice-chosen' : ''}`}
              data-fitroom="variant-option"
              data-variant={v.name}
              data-active={active ? 'true' : undefined}
              aria-pressed={active}
              onClick={() => {
                if (!active) onChoose?.(v);
              }}
            >
              {v.name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
