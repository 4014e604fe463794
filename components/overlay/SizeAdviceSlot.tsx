/**
 * Size advice in the overlay: the store's sizes as buttons (the chosen one marked),
 * the recommended size with its reason, and where the shopper's numbers come from.
 * Without a chart it says so plainly; without a height it asks for one. Choosing a
 * size re-renders the try-on with that size's fit (the garment's analysis is cached,
 * so this is quick). A garment photographed on a model is moved onto the shopper as the
 * model wears it, which no size changes (the engine's on-model path has no fit), so
 * there are no size buttons then: the recommendation stays, as advice.
 */
import type { SizeAdvice, SizeOption } from '@/lib/size/size-advice';
import { t } from '@/lib/i18n/translate';

export type { SizeAdvice, SizeOption } from '@/lib/size/size-advice';

export interface SizeAdviceSlotProps {
  /** Null while the advice is on its way (or could not be had): nothing is shown. */
  advice?: SizeAdvice | null;
  chosen?: string;
  onChoose?(size: SizeOption): void;
  /** Opens the Fitroom page where the height is entered. */
  onAddHeight?(): void;
  /** The garment on show is worn by a model in its photo: sizes do not change the picture. */
  onModel?: boolean;
}

/**
 * @example <SizeAdviceSlot advice={{ status: 'advice', sizes, recommended: 'M', reason: '…', measuresNote: '…' }} chosen="M" onChoose={rerender} />
 */
export function SizeAdviceSlot({ advice, chosen, onChoose, onAddHeight, onModel }: SizeAdviceSlotProps) {
  if (!advice) return <div class="fr-size-slot" data-fitroom="size-advice" hidden />;
  if (advice.status === 'no-chart') {
    return (
      <div class="fr-size-slot" data-fitroom="size-advice" data-state="no-chart">
        <p class="fr-size-reason">{t('size_no_chart')}</p>
      </div>
    );
  }
  const active = chosen ?? (advice.status === 'advice' ? advice.recommended : undefined);
  return (
    <div class="fr-size-slot" data-fitroom="size-advice" data-state={advice.status} data-on-model={onModel ? 'true' : undefined}>
      {onModel ? (
        <p class="fr-size-reason" data-fitroom="size-on-model">
          {t('size_on_model')}
        </p>
      ) : (
        <div class="fr-sizes" role="group" aria-label={t('size_group')}>
          {advice.sizes.map((s) => (
            <button
              type="button"
              key={s.label}
              class={`fr-size${s.label === active ? ' fr-size-chosen' : ''}${advice.status === 'advice' && s.label === advice.recommended ? ' fr-size-recommended' : ''}`}
              data-fitroom="size-option"
              data-size={s.label}
              data-active={s.label === active ? 'true' : undefined}
              aria-pressed={s.label === active}
              onClick={() => onChoose?.(s)}
            >
              {s.label}
            </button>
          ))}
        </div>
      )}
      {advice.status === 'no-height' ? (
        <p class="fr-size-reason" data-fitroom="size-reason">
          {t('size_needs_height')}{' '}
          <button type="button" class="fr-link" data-fitroom="add-height" onClick={onAddHeight}>{t('size_add_height')}</button>
        </p>
      ) : (
        <>
          <p class="fr-size-reason" data-fitroom="size-reason">
            {advice.recommended ? <strong>{t('size_recommended', { size: advice.recommended })}</strong> : null}
            {advice.reason}
          </p>
          <p class="fr-size-note">{t('sentences', { first: advice.measuresNote, second: t('size_chart_source') })}</p>
        </>
      )}
    </div>
  );
}
