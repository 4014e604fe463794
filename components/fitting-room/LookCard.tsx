/**
 * One saved look in the fitting room's grid: the try-on, the product photo, what it is
 * (title, price, size, store, date), a box to pick it for comparing, and what can be done
 * with it: copy its picture, download it, open the product's page, delete it.
 */
import { useState } from 'preact/hooks';
import type { LookView } from '@/lib/looks/use-looks';
import { copyPngToClipboard, downloadBlob, lookFileName } from '@/lib/looks/share-files';
import { formatPrice, lookDate } from '@/lib/looks/shopping-list';
import { languageTag, t } from '@/lib/i18n/translate';

export interface LookCardProps {
  view: LookView;
  selected: boolean;
  /** Four are picked already: this one cannot be added. */
  selectionFull: boolean;
  onToggleSelected(): void;
  onDelete(): void;
}

/**
 * @example <LookCard view={view} selected={false} selectionFull={false} onToggleSelected={toggle} onDelete={remove} />
 */
export function LookCard({ view, selected, selectionFull, onToggleSelected, onDelete }: LookCardProps) {
  const { look } = view;
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const locale = languageTag();
  const price = formatPrice(look.product?.price, locale);
  const picture = () => new Blob([look.result.bytes as Uint8Array<ArrayBuffer>], { type: look.result.mimeType });
  return (
    <article class={`look${selected ? ' look-selected' : ''}`} data-fitroom="look" data-look-id={look.id} data-selected={selected ? 'true' : 'false'}>
      <img class="look-result" src={view.resultUrl} width={look.result.width} height={look.result.height} alt={t('look_alt')} data-fitroom="look-image" />
      <div class="look-info">
        {view.photoUrl && <img class="look-garment" src={view.photoUrl} alt={t('look_garment_alt')} data-fitroom="look-garment" />}
        <div>
          <h3 class="look-title" data-fitroom="look-title">{look.product?.title ?? t('look_untitled')}</h3>
          {price && <p class="look-price" data-fitroom="look-price">{price}</p>}
          {look.size && <p data-fitroom="look-size">{t('look_size', { value: look.size })}</p>}
          {look.product?.store && <p class="muted" data-fitroom="look-store">{look.product.store}</p>}
          <p class="muted" data-fitroom="look-date">{t('look_saved_on', { value: lookDate(look.savedAt) })}</p>
        </div>
      </div>
      <label class="look-pick">
        <input type="checkbox" data-fitroom="look-select" checked={selected} disabled={!selected && selectionFull} onChange={onToggleSelected} />
        {t('look_compare')}
      </label>
      <div class="look-actions">
        <button
          type="button"
          class="button secondary"
          data-fitroom="look-copy"
          onClick={() => copyPngToClipboard(picture()).then(() => setCopy('copied'), (e) => { console.warn('Fitroom: copy failed:', e); setCopy('failed'); })}
        >
          {t('look_copy')}
        </button>
        <button type="button" class="button secondary" data-fitroom="look-download" onClick={() => downloadBlob(picture(), lookFileName(look))}>
          {t('look_download')}
        </button>
        {look.product?.url && (
          // The page's own address (http or https only: checked when saved); no referrer, no opener.
          <a class="button secondary" data-fitroom="look-open" href={look.product.url} target="_blank" rel="noopener noreferrer">
            {t('look_open')}
          </a>
        )}
        <button type="button" class="button danger" data-fitroom="look-delete" onClick={onDelete}>
          {t('look_delete')}
        </button>
      </div>
      {copy !== 'idle' && (
        <p class={copy === 'failed' ? 'error' : 'muted'} role="status" data-fitroom="look-copy-status" data-state={copy}>
          {copy === 'copied' ? t('look_copied') : t('look_copy_failed')}
        </p>
      )}
    </article>
  );
}
