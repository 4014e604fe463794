/**
 * Where size advice goes: size buttons and the reason for the recommended one.
 * The size feature fills `advice`; until then the slot renders nothing.
 * Choosing a size re-renders the try-on with that size's fit (the garment's analysis
 * is cached, so this is quick).
 */
import type { TryOnOptions } from '@/lib/engine/index';

export interface SizeOption {
  label: string;
  fit: TryOnOptions;
}

export interface SizeAdvice {
  sizes: SizeOption[];
  /** The label of the size that fits best. */
  recommended?: string;
  /** Why, e.g. "Chest 96 cm: M gives 6 cm of ease." */
  reason: string;
}

export interface SizeAdviceSlotProps {
  advice?: SizeAdvice | null;
  chosen?: string;
  onChoose?(size: SizeOption): void;
}

/**
 * @example <SizeAdviceSlot advice={{ sizes: [{ label: 'M', fit: { ease: 0.06 } }], recommended: 'M', reason: '…' }} onChoose={rerender} />
 */
export function SizeAdviceSlot({ advice, chosen, onChoose }: SizeAdviceSlotProps) {
  if (!advice || advice.sizes.length === 0) return <div class="fr-size-slot" data-fitroom="size-advice" hidden />;
  return (
    <div class="fr-size-slot" data-fitroom="size-advice">
      <div class="fr-sizes" role="group" aria-label="Sizes">
        {advice.sizes.map((s) => (
          <button
            type="button"
            key={s.label}
            class={`fr-size${s.label === (chosen ?? advice.recommended) ? ' fr-size-chosen' : ''}`}
            data-fitroom="size"
            data-size={s.label}
            onClick={() => onChoose?.(s)}
          >
            {s.label}
          </button>
        ))}
      </div>
      <p class="fr-size-reason">{advice.reason}</p>
    </div>
  );
}
