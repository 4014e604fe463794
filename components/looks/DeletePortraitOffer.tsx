/**
 * Asked when the shopper deletes a portrait that saved looks were made from: delete those
 * looks too, keep them, or keep everything.
 */
import type { PortraitDeletion } from '@/lib/looks/use-portrait-deletion';
import './delete-offer.css';
import { t } from '@/lib/i18n/translate';

/**
 * @example <DeletePortraitOffer deletion={deletion} />
 */
export function DeletePortraitOffer({ deletion }: { deletion: PortraitDeletion }) {
  const { offer } = deletion;
  if (!offer) return null;
  return (
    <div class="delete-offer" role="alertdialog" aria-labelledby="delete-offer-text" data-fitroom="portrait-delete-offer" data-count={offer.count}>
      <p id="delete-offer-text">
        {offer.count === 1
          ? t('delete_offer_one')
          : t('delete_offer_many', { count: offer.count })}
      </p>
      <div class="actions">
        <button type="button" class="button danger" data-fitroom="delete-with-looks" onClick={() => void deletion.confirm(true)}>
          {offer.count === 1 ? t('delete_with_look') : t('delete_with_looks')}
        </button>
        <button type="button" class="button secondary" data-fitroom="delete-photo-only" onClick={() => void deletion.confirm(false)}>
          {offer.count === 1 ? t('delete_keep_look') : t('delete_keep_looks')}
        </button>
        <button type="button" class="button secondary" data-fitroom="delete-cancel" onClick={deletion.cancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
