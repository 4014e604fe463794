/** The way from the popup to the fitting room page, where the saved looks are. */
import { openFittingRoom } from '@/lib/looks/open-fitting-room';
import { t } from '@/lib/i18n/translate';

/**
 * @example <FittingRoomLink />
 */
export function FittingRoomLink() {
  return (
    <button type="button" class="button secondary" data-fitroom="open-fitting-room" onClick={openFittingRoom}>
      {t('open_my_fitting_room')}
    </button>
  );
}
