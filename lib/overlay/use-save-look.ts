/**
 * The overlay's Save button as a Preact hook: sends the try-on on show to the background
 * as a saved look (lib/looks/save-look.ts), and says whether it is saving, saved or failed.
 * Its component is keyed by the try-on's job, so a new result (a size, colour or kind pick, a retry)
 * starts over and can be saved too.
 */
import { useState } from 'preact/hooks';
import { toErrorInfo, type ErrorInfo, type Result } from '../error-info';
import { saveLookRequest, type ShownTryOn } from '../looks/save-look';
import type { SaveLookRequest, SavedLookTicket, TryOnResponse } from '../messaging';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; id: string }
  | { state: 'failed'; error: ErrorInfo };

export interface SaveLookControls {
  status: SaveStatus;
  save(): void;
}

/**
 * @example const { status, save } = useSaveLook(state.response, { src, product, size }, (r) => sendMessage('bg.saveLook', r));
 */
export function useSaveLook(response: TryOnResponse, shown: ShownTryOn, send: (request: SaveLookRequest) => Promise<Result<SavedLookTicket>>): SaveLookControls {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  return {
    status,
    save() {
      if (status.state === 'saving' || status.state === 'saved') return; // one look per result
      setStatus({ state: 'saving' });
      void Promise.resolve()
        .then(() => send(saveLookRequest(response, shown)))
        .then(
          (reply): SaveStatus => (reply.ok ? { state: 'saved', id: reply.value.id } : { state: 'failed', error: reply.error }),
          (e: unknown): SaveStatus => ({ state: 'failed', error: toErrorInfo(e) }),
        )
        .then(setStatus);
    },
  };
}
