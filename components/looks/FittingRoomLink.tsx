/** The way from the popup to the fitting room page, where the saved looks are. */
import { openFittingRoom } from '@/lib/looks/open-fitting-room';

/**
 * @example <FittingRoomLink />
 */
export function FittingRoomLink() {
  return (
    <button type="button" class="button secondary" data-fitroom="open-fitting-room" onClick={openFittingRoom}>
      Open my fitting room
    </button>
  );
}
