/**
 * Two to four saved looks side by side, each whole and as large as the window allows,
 * with what each one is underneath.
 */
import type { LookView } from '@/lib/looks/use-looks';
import { formatPrice } from '@/lib/looks/shopping-list';
import { LOOK_TEXT } from './LookCard';

export interface CompareViewProps {
  views: LookView[];
  onClose(): void;
}

/**
 * @example <CompareView views={picked} onClose={() => setComparing(false)} />
 */
export function CompareView({ views, onClose }: CompareViewProps) {
  const locale = navigator.language;
  return (
    <section class="compare" data-fitroom="compare-view" data-count={views.length} style={{ '--compare-count': String(views.length) }}>
      <div class="compare-bar">
        <h2>Side by side</h2>
        <button type="button" class="button secondary" data-fitroom="compare-close" onClick={onClose}>
          Back to all looks
        </button>
      </div>
      <div class="compare-row">
        {views.map(({ look, resultUrl }) => (
          <figure class="compare-item" key={look.id} data-fitroom="compare-item" data-look-id={look.id}>
            <img src={resultUrl} width={look.result.width} height={look.result.height} alt="Your try-on" data-fitroom="compare-image" />
            <figcaption>
              <strong>{look.product?.title ?? LOOK_TEXT.untitled}</strong>
              {look.size && <span>{LOOK_TEXT.size.replace('{value}', look.size)}</span>}
              {look.product?.price && <span>{formatPrice(look.product.price, locale)}</span>}
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
