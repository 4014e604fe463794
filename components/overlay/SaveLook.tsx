/**
 * The overlay's Save button: keeps the try-on on show as a look in the fitting room,
 * then offers to open it. Shown beside the download link, with the result only.
 */
import type { Result } from '@/lib/error-info';
import type { ProductListing } from '@/lib/page/product-listing';
import type { OverlayState } from '@/lib/overlay/overlay-state';
import { useSaveLook } from '@/lib/overlay/use-save-look';
import type { SaveLookRequest, SavedLookTicket, TryOnResponse } from '@/lib/messaging';
import { t } from '@/lib/i18n/translate';

export interface SaveLookProps {
  state: OverlayState;
  product?: ProductListing;
  /** The size on show (lib/overlay/size-on-show.ts). */
  size?: string;
  save(request: SaveLookRequest): Promise<Result<SavedLookTicket>>;
  openFittingRoom(): void;
}

/**
 * @example <SaveLook state={view.state} product={view.product} size={sizeOnShow(view)} save={(r) => sendMessage('bg.saveLook', r)} openFittingRoom={open} />
 */
export function SaveLook(props: SaveLookProps) {
  if (props.state.view !== 'result') return null;
  const { jobId, response, src } = props.state;
  // Keyed by the job: a new result starts with a fresh button.
  return <SaveLookButton key={jobId} response={response} src={src} {...props} />;
}

type ButtonProps = SaveLookProps & { response: TryOnResponse; src: string };

function SaveLookButton(props: ButtonProps) {
  const { status, save } = useSaveLook(props.response, { src: props.src, product: props.product, size: props.size }, props.save);
  return (
    <span class="fr-save" data-fitroom="save-look" data-state={status.state}>
      {status.state === 'saved' ? (
        <>
          <span class="fr-saved" role="status">{t('saved_to_room')}</span>{' '}
          <button type="button" class="fr-secondary" data-fitroom="open-fitting-room" onClick={props.openFittingRoom}>
            {t('open_fitting_room')}
          </button>
        </>
      ) : (
        <button type="button" class="fr-secondary" data-fitroom="save-look-button" disabled={status.state === 'saving'} onClick={save}>
          {status.state === 'saving' ? t('saving') : t('save_look')}
        </button>
      )}
      {status.state === 'failed' && (
        <span class="fr-save-failed" role="alert" data-code={status.error.code} title={status.error.message}>
          {t('save_failed')}
        </span>
      )}
    </span>
  );
}
