/**
 * The shopper's portrait, kept in the extension's own IndexedDB (origin
 * chrome-extension://<id>, shared by the popup and the offscreen document).
 * It is never sent anywhere: no code path uploads it.
 *
 * One database `fitroom`, one object store `portrait` with three keys, written together
 * in one transaction so a reader never sees a half-replaced portrait:
 * - `summary`:  PortraitSummary (keypoints, issues, sizes): small, what the popup shows;
 * - `photo`:    the photo re-encoded on arrival (portrait-reencode.ts): a JPEG without any
 *               metadata (no EXIF, no GPS), oriented, at most 2048 px, typically 0.1–1.5 MB;
 *               the chosen file's own bytes are never stored;
 * - `analysis`: the PortraitAnalysis packed by portrait-pack.ts: masks as 8-bit, no RGBA
 *               copy of the photo (rebuilt from `photo`), typically under 1 MB.
 * A second object store `profile` keeps the shopper's profile (height, fit preference,
 * tape measurements) under the key `profile`: apart, so deleting the photo keeps it.
 */
import type { PortraitSummary } from './messaging';
import type { PackedPortraitAnalysis } from './portrait-pack';
import type { ShopperProfile } from './size/profile';

export interface StoredPhoto {
  bytes: Uint8Array;
  mimeType: string;
  /** Re-encoded on arrival, metadata removed. Records from before this was done lack it and are re-encoded on their next use. */
  reencoded?: true;
}

export interface StoredPortrait {
  summary: PortraitSummary;
  photo: StoredPhoto;
  analysis: PackedPortraitAnalysis;
}

/** Where the portrait lives; the offscreen service takes one so it can be tested in memory. */
export interface PortraitStore {
  save(portrait: StoredPortrait): Promise<void>;
  loadSummary(): Promise<PortraitSummary | null>;
  loadPhoto(): Promise<StoredPhoto | null>;
  loadAnalysis(): Promise<PackedPortraitAnalysis | null>;
  delete(): Promise<void>;
}

/** Where the shopper's profile lives. */
export interface ProfileStore {
  load(): Promise<ShopperProfile | null>;
  save(profile: ShopperProfile): Promise<void>;
}

const DB_NAME = 'fitroom';
// 2 added the `profile` store.
const DB_VERSION = 2;
const STORE = 'portrait';
const PROFILE_STORE = 'profile';
type Key = 'summary' | 'photo' | 'analysis';

/**
 * The portrait store backed by IndexedDB.
 * @example
 *   const store = indexedDbPortraitStore();
 *   const summary = await store.loadSummary(); // null when no portrait was chosen yet
 */
export function indexedDbPortraitStore(idb: IDBFactory = indexedDB): PortraitStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => (db ??= openDatabase(idb));
  const get = async <T>(key: Key): Promise<T | null> => {
    const tx = (await open()).transaction(STORE, 'readonly');
    return ((await request(tx.objectStore(STORE).get(key))) as T | undefined) ?? null;
  };
  return {
    async save(portrait) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.put(portrait.summary, 'summary');
      store.put(portrait.photo, 'photo');
      store.put(portrait.analysis, 'analysis');
      await done(tx);
    },
    loadSummary: () => get<PortraitSummary>('summary'),
    loadPhoto: () => get<StoredPhoto>('photo'),
    loadAnalysis: () => get<PackedPortraitAnalysis>('analysis'),
    async delete() {
      const tx = (await open()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      await done(tx);
    },
  };
}

/**
 * A store in memory, for tests and for Node.
 * @example const store = memoryPortraitStore(); await store.save(portrait);
 */
export function memoryPortraitStore(): PortraitStore {
  let current: StoredPortrait | null = null;
  return {
    save: async (p) => { current = p; },
    loadSummary: async () => current?.summary ?? null,
    loadPhoto: async () => current?.photo ?? null,
    loadAnalysis: async () => current?.analysis ?? null,
    delete: async () => { current = null; },
  };
}

/**
 * The shopper's profile, backed by IndexedDB next to the portrait.
 * @example const profile = (await indexedDbProfileStore().load()) ?? EMPTY_PROFILE;
 */
export function indexedDbProfileStore(idb: IDBFactory = indexedDB): ProfileStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => (db ??= openDatabase(idb));
  return {
    async load() {
      const tx = (await open()).transaction(PROFILE_STORE, 'readonly');
      return ((await request(tx.objectStore(PROFILE_STORE).get('profile'))) as ShopperProfile | undefined) ?? null;
    },
    async save(profile) {
      const tx = (await open()).transaction(PROFILE_STORE, 'readwrite');
      tx.objectStore(PROFILE_STORE).put(profile, 'profile');
      await done(tx);
    },
  };
}

/**
 * A profile store in memory, for tests.
 * @example const profiles = memoryProfileStore({ heightCm: 170, fit: 'regular', tape: {}, unit: 'cm' });
 */
export function memoryProfileStore(initial: ShopperProfile | null = null): ProfileStore {
  let current = initial;
  return { load: async () => current, save: async (p) => { current = p; } };
}

function openDatabase(idb: IDBFactory): Promise<IDBDatabase> {
  const req = idb.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    for (const name of [STORE, PROFILE_STORE]) if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
  };
  return request(req);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed.'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted.'));
  });
}
