/**
 * Two to four saved looks side by side, each whole and as large as the window allows,
 * with what each one is underneath.
 */
import type { LookView } from '@/lib/looks/use-looks';
import { formatPrice } from '@/lib/looks/shopping-list';
import { languageTag, t } from '@/lib/i18n/translate';

export interface CompareViewProps {
  views: LookView[];
  onClose(): void;
}

/**
 * @example <CompareView views={picked} onClose={() => setComparing(false)} />
 */
export function CompareView({ views, onClose }: CompareViewProps) {
  const locale = languageTag();
  return (
    <section class="compare" data-fitroom="compare-view" data-count={views.length} style={{ '--compare-count': String(views.length) }}>
      <div class="compare-bar">
        <h2>{t('compare_heading')}</h2>
        <button type="button" class="button secondary" data-fitroom="compare-close" onClick={onClose}>
          {t('compare_close')}
        </button>
      </div>
      <div class="compare-row">
        {views.map(({ look, resultUrl }) => (
          <figure class="compare-item" key={look.id} data-fitroom="compare-item" data-look-id={look.id}>
            <img src={resultUrl} width={look.result.width} height={look.result.height} alt={t('look_alt')} data-fitroom="compare-image" />
            <figcaption>
              <strong>{look.product?.title ?? t('look_untitled')}</strong>
              {look.size && <span>{t('look_size', { value: look.size })}</span>}
              {look.product?.price && <span>{formatPrice(look.product.price, locale)}</span>}
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
