/**
 * The saved looks as the fitting room shows them: read from the extension's IndexedDB,
 * each with object URLs of its pictures (this page's own, revoked when no longer shown),
 * read again when the shopper comes back to the tab (a look saved from a store page
 * meanwhile appears).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { toErrorInfo, type ErrorInfo } from '../error-info';
import type { LookStore } from '../storage';
import type { Look, StoredImage } from './look';

export interface LookView {
  look: Look;
  /** Object URL of the try-on PNG. */
  resultUrl: string;
  /** Object URL of the product photo, when the look has one. */
  photoUrl?: string;
}

export type LooksState = { status: 'loading' } | { status: 'ready'; looks: LookView[] } | { status: 'error'; error: ErrorInfo };

export interface LooksControls {
  state: LooksState;
  remove(id: string): Promise<void>;
  reload(): Promise<void>;
}

const blobOf = (image: StoredImage) => new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mimeType });

/**
 * @example const { state, remove } = useLooks(indexedDbLookStore());
 */
export function useLooks(store: LookStore): LooksControls {
  const [state, setState] = useState<LooksState>({ status: 'loading' });
  const urls = useRef<string[]>([]);

  const reload = async () => {
    try {
      const looks = await store.list();
      const previous = urls.current;
      urls.current = [];
      const url = (image: StoredImage) => {
        const u = URL.createObjectURL(blobOf(image));
        urls.current.push(u);
        return u;
      };
      setState({ status: 'ready', looks: looks.map((look) => ({ look, resultUrl: url(look.result), ...(look.garment.photo ? { photoUrl: url(look.garment.photo) } : {}) })) });
      // After the new ones are on screen: the old URLs are no longer shown.
      requestAnimationFrame(() => previous.forEach((u) => URL.revokeObjectURL(u)));
    } catch (e) {
      setState({ status: 'error', error: toErrorInfo(e) });
    }
  };

  useEffect(() => {
    void reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      urls.current.forEach((u) => URL.revokeObjectURL(u));
    };
  }, []);

  return {
    state,
    reload,
    async remove(id) {
      await store.delete(id);
      await reload();
    },
  };
}
