/**
 * The popup's portrait logic as a Preact hook: reads the stored portrait from
 * IndexedDB, sends a newly chosen photo to the offscreen document for analysis
 * (through the background), follows its progress, and deletes.
 */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { bytesToBase64 } from '../base64';
import { FitroomError } from '../engine/errors';
import { assertDecodable, readImageHeader } from '../engine/image-header';
import { MAX_IMAGE_BYTES } from '../fetch-image';
import { toErrorInfo, unwrap } from '../error-info';
import { listen } from '../message-guard/guarded-listener';
import { newJobId, sendMessage } from '../messaging';
import type { PortraitStore } from '../storage';
import { portraitReducer, type PortraitState, type StoredView } from './portrait-state';

export interface PortraitControls {
  state: PortraitState;
  choose(file: File): Promise<void>;
  remove(): Promise<void>;
}

/**
 * @example const { state, choose, remove } = usePortrait(indexedDbPortraitStore());
 */
export function usePortrait(store: PortraitStore): PortraitControls {
  const [state, dispatch] = useReducer(portraitReducer, { status: 'loading' } as PortraitState);
  const urls = useRef<string[]>([]);

  const view = async (): Promise<StoredView | null> => {
    const [summary, photo] = await Promise.all([store.loadSummary(), store.loadPhoto()]);
    if (!summary || !photo) return null;
    const photoUrl = URL.createObjectURL(new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: photo.mimeType }));
    urls.current.push(photoUrl);
    return { summary, photoUrl };
  };

  useEffect(() => {
    void view().then((stored) => {
      dispatch({ type: 'loaded', stored });
      // No portrait yet: the shopper is about to pick one, so the engine starts now.
      if (!stored) void sendMessage('bg.warmUpForPortrait').catch(() => {});
    }, (e) => dispatch({ type: 'failed', error: toErrorInfo(e) }));
    const stop = listen('popup.progress', (event) => dispatch({ type: 'progress', event }));
    return () => {
      stop();
      urls.current.forEach((u) => URL.revokeObjectURL(u));
    };
  }, []);

  return {
    state,
    async choose(file) {
      const jobId = newJobId();
      dispatch({ type: 'analyse', jobId });
      try {
        if (file.size > MAX_IMAGE_BYTES) {
          throw new FitroomError('image-too-large', `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        // Refuse non-pictures and huge pictures here, before sending megabytes around.
        const header = readImageHeader(bytes);
        assertDecodable(header);
        unwrap(await sendMessage('bg.analysePortrait', { jobId, image: { base64: bytesToBase64(bytes), mimeType: `image/${header.format}` } }));
        const stored = await view();
        if (!stored) throw new Error('The portrait was analysed but is not in storage.');
        dispatch({ type: 'analysed', stored });
      } catch (e) {
        dispatch({ type: 'failed', error: toErrorInfo(e) });
      }
    },
    async remove() {
      await store.delete();
      dispatch({ type: 'deleted' });
    },
  };
}
