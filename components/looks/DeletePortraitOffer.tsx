/**
 * Asked when the shopper deletes a portrait that saved looks were made from: delete those
 * looks too, keep them, or keep everything.
 */
import type { PortraitDeletion } from '@/lib/looks/use-portrait-deletion';
import './delete-offer.css';

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
          ? 'One saved look was made with this photo. Delete it too?'
          : `${offer.count} saved looks were made with this photo. Delete them too?`}
      </p>
      <div class="actions">
        <button type="button" class="button danger" data-fitroom="delete-with-looks" onClick={() => void deletion.confirm(true)}>
          {offer.count === 1 ? 'Delete the photo and its look' : 'Delete the photo and its looks'}
        </button>
        <button type="button" class="button secondary" data-fitroom="delete-photo-only" onClick={() => void deletion.confirm(false)}>
          {offer.count === 1 ? 'Delete the photo, keep the look' : 'Delete the photo, keep the looks'}
        </button>
        <button type="button" class="button secondary" data-fitroom="delete-cancel" onClick={deletion.cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
