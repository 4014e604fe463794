/**
 * The try-on overlay over a store page: progress while it works, then the result
 * with a before/after slider and a PNG download, or a message saying what to do.
 * Closes on Esc (handled by its controller) and on a click outside the panel.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { base64ToBytes, dataUrlMimeType } from '@/lib/base64';
import type { OverlayState } from '@/lib/content/overlay-state';
import { BeforeAfter } from './BeforeAfter';
import { ErrorNotice } from './ErrorNotice';
import { Progress } from './Progress';
import { SizeAdviceSlot, type SizeAdvice, type SizeOption } from './SizeAdviceSlot';

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
      onClick={(e) => {
        if (e.target === e.currentTarget) props.onClose();
      }}
    >
      <div class="fr-panel" role="dialog" aria-modal="true" aria-label="Fitroom try-on">
        <header class="fr-header">
          <span class="fr-brand">Fitroom</span>
          <span class="fr-local">Computed on your device</span>
          <button type="button" class="fr-close" data-fitroom="close" aria-label="Close" onClick={props.onClose} ref={close}>
            ×
          </button>
        </header>
        {state.view === 'working' && (
          <div class="fr-working">
            <img class="fr-garment-thumb" src={state.src} alt="The garment" referrerpolicy="no-referrer" />
            <Progress stage={state.stage} fraction={state.fraction} />
          </div>
        )}
        {state.view === 'error' && <ErrorNotice error={state.error} onAddPortrait={props.onAddPortrait} onRetry={props.onRetry} />}
        {state.view === 'result' && (
          <div class="fr-result">
            <BeforeAfter
              before={state.response.portrait}
              after={state.response.resultPng}
              width={state.response.width}
              height={state.response.height}
              onShown={props.onResultShown}
            />
            <SizeAdviceSlot advice={props.sizeAdvice} chosen={props.chosenSize} onChoose={props.onChooseSize} onAddHeight={props.onAddPortrait} />
            <footer class="fr-footer">
              <DownloadLink dataUrl={state.response.resultPng} src={state.src} />
            </footer>
          </div>
        )}
      </div>
    </div>
  );
}

/** A blob: URL (not the data URL) so the download works from any page. */
function DownloadLink({ dataUrl, src }: { dataUrl: string; src: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([base64ToBytes(dataUrl) as Uint8Array<ArrayBuffer>], { type: dataUrlMimeType(dataUrl) ?? 'image/png' })), [dataUrl]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a class="fr-primary" data-fitroom="download" href={url} download={downloadName(src)}>
      Download PNG
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
