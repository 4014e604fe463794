/**
 * The try-on overlay, rendered in the extension's overlay page (an iframe over the
 * store page, which cannot read it): progress while it works, then the result with a
 * before/after slider, the product's colours, the garment's kind, size advice and a PNG
 * download, or a message saying what to do. Closes on
 * Esc (handled by the page) and on a click outside the panel.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { base64ToBytes, dataUrlMimeType } from '@/lib/base64';
import type { GarmentCategory } from '@/lib/engine/types';
import { choicesAfterError } from '@/lib/overlay/garment-choices';
import type { OverlayState } from '@/lib/overlay/overlay-state';
import type { ColourVariant } from '@/lib/page/types';
import { BeforeAfter } from './BeforeAfter';
import { ErrorNotice } from './ErrorNotice';
import { KindPicker } from './KindPicker';
import { Progress } from './Progress';
import { SizeAdviceSlot, type SizeAdvice, type SizeOption } from './SizeAdviceSlot';
import { VariantPicker } from './VariantPicker';
import { t } from '@/lib/i18n/translate';

export interface OverlayProps {
  state: OverlayState;
  onClose(): void;
  onRetry(): void;
  onAddPortrait(): void;
  /** The result image is on screen. */
  onResultShown?(): void;
  sizeAdvice?: SizeAdvice | null;
  /** The size whose fit is on show. */
  chosenSize?: string;
  onChooseSize?(size: SizeOption): void;
  /** Click → result on screen, once measured (kept on the element for tests). */
  elapsedMs?: number;
  /** More actions on the result, beside the download link (the Save button). */
  actions?: import('preact').ComponentChildren;
  /** The product's colours, and the photo on show. */
  variants?: ColourVariant[];
  garmentSrc?: string;
  onChooseVariant?(variant: ColourVariant): void;
  /** The shopper says what kind of garment it is. */
  onChooseKind?(kind: GarmentCategory): void;
}

/**
 * @example render(<Overlay state={state} onClose={close} onRetry={retry} onAddPortrait={openPopup} />, container)
 */
export function Overlay(props: OverlayProps) {
  const { state } = props;
  const close = useRef<HTMLButtonElement>(null);
  const open = state.view !== 'closed';
  // Keyboard users land in the dialog, not behind it.
  useEffect(() => {
    if (open) close.current?.focus({ preventScroll: true });
  }, [open]);
  if (state.view === 'closed') return null;
  return (
    <div
      class="fr-backdrop"
      data-fitroom="result"
      data-state={state.view}
      data-fitroom-elapsed-ms={props.elapsedMs}
      onClick={(e) => {
        if (e.target === e.currentTarget) props.onClose();
      }}
    >
      <div class="fr-panel" role="dialog" aria-modal="true" aria-label={t('overlay_label')}>
        <header class="fr-header">
          <span class="fr-brand">Fitroom</span>
          <span class="fr-local">{t('overlay_local')}</span>
          <button type="button" class="fr-close" data-fitroom="close" aria-label={t('close')} onClick={props.onClose} ref={close}>
            ×
          </button>
        </header>
        {state.view === 'working' && (
          // No thumbnail of the garment: extension pages are cross-origin isolated (require-corp),
          // and most store CDNs do not send the header that would let this page show their picture.
          <div class="fr-working">
            <Progress stage={state.stage} fraction={state.fraction} />
          </div>
        )}
        {state.view === 'error' && <ErrorNotice error={state.error} onAddPortrait={props.onAddPortrait} onRetry={props.onRetry} />}
        {state.view === 'error' && choicesAfterError(state.error.code) && (
          <>
            <VariantPicker variants={props.variants ?? []} current={props.garmentSrc} onChoose={props.onChooseVariant} />
            <KindPicker onChoose={props.onChooseKind} />
          </>
        )}
        {state.view === 'result' && (
          <div class="fr-result">
            <BeforeAfter
              before={state.response.portrait}
              after={state.response.resultPng}
              width={state.response.width}
              height={state.response.height}
              onShown={props.onResultShown}
            />
            <VariantPicker variants={props.variants ?? []} current={props.garmentSrc} onChoose={props.onChooseVariant} />
            <KindPicker used={state.response.garment.category} onChoose={props.onChooseKind} />
            <SizeAdviceSlot
              advice={props.sizeAdvice}
              chosen={props.chosenSize}
              onChoose={props.onChooseSize}
              onAddHeight={props.onAddPortrait}
              onModel={state.response.garment.onModel}
            />
            <footer class="fr-footer">
              {props.actions}
              <DownloadLink dataUrl={state.response.resultPng} src={state.src} />
            </footer>
          </div>
        )}
      </div>
    </div>
  );
}

/** A blob: URL of the extension page's own (not the data URL), so the download link stays short. */
function DownloadLink({ dataUrl, src }: { dataUrl: string; src: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([base64ToBytes(dataUrl) as Uint8Array<ArrayBuffer>], { type: dataUrlMimeType(dataUrl) ?? 'image/png' })), [dataUrl]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a class="fr-primary" data-fitroom="download" href={url} download={downloadName(src)}>
      {t('download_png')}
    </a>
  );
}

function downloadName(src: string): string {
  let host = 'garment';
  try {
    host = new URL(src).hostname.replace(/^www\./, '').replace(/[^\w.-]/g, '') || host;
  } catch {
    // a data: URL or similar: keep the generic name
  }
  return `fitroom-${host}-${new Date().toISOString().slice(0, 10)}.png`;
}
