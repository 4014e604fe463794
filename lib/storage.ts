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
 * The shopper's choice of language (lib/i18n/) is kept in `profile` too, under the key
 * `language`: absent means the browser's language.
 * A third, `looks`, keeps the saved looks (lib/looks/look.ts) by their `id`, with an index
 * on `portraitId` so the looks made from a portrait can be found when it is deleted.
 *
 * Versions: 1 had `portrait`; 2 added `profile`; 3 added `looks`. An upgrade only adds
 * what is missing, so the stored portrait and profile survive it.
 */
import { isLanguage, type Language } from './i18n/catalogues';
import type { Look } from './looks/look';
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

/** Where the shopper's choice of language lives; null: the browser's language. */
export interface LanguageStore {
  load(): Promise<Language | null>;
  save(choice: Language | null): Promise<void>;
}

/** Where the saved looks live. */
export interface LookStore {
  save(look: Look): Promise<void>;
  /** Every look, newest first. */
  list(): Promise<Look[]>;
  delete(id: string): Promise<void>;
  countByPortrait(portraitId: string): Promise<number>;
  /** Deletes the looks made from that portrait; resolves to how many there were. */
  deleteByPortrait(portraitId: string): Promise<number>;
}

export const DB_NAME = 'fitroom';
// 2 added the `profile` store, 3 the `looks` store.
export const DB_VERSION = 3;
const STORE = 'portrait';
const PROFILE_STORE = 'profile';
const LOOKS_STORE = 'looks';
const LANGUAGE_KEY = 'language';
const BY_PORTRAIT = 'portraitId';
type Key = 'summary' | 'photo' | 'analysis';

/**
 * The portrait store backed by IndexedDB.
 * @example
 *   const store = indexedDbPortraitStore();
 *   const summary = await store.loadSummary(); // null when no portrait was chosen yet
 */
export function indexedDbPortraitStore(idb: IDBFactory = indexedDB): PortraitStore {
  const open = connection(idb);
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
  const open = connection(idb);
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

/**
 * The shopper's choice of language, next to the profile. A stored value that is not a
 * language Fitroom speaks reads as no choice.
 * @example setLanguage(await indexedDbLanguageStore().load());
 */
export function indexedDbLanguageStore(idb: IDBFactory = indexedDB): LanguageStore {
  const open = connection(idb);
  return {
    async load() {
      const tx = (await open()).transaction(PROFILE_STORE, 'readonly');
      const value: unknown = await request(tx.objectStore(PROFILE_STORE).get(LANGUAGE_KEY));
      return isLanguage(value) ? value : null;
    },
    async save(choice) {
      const tx = (await open()).transaction(PROFILE_STORE, 'readwrite');
      if (choice === null) tx.objectStore(PROFILE_STORE).delete(LANGUAGE_KEY);
      else tx.objectStore(PROFILE_STORE).put(choice, LANGUAGE_KEY);
      await done(tx);
    },
  };
}

/**
 * A language store in memory, for tests.
 * @example const languages = memoryLanguageStore('zh_CN');
 */
export function memoryLanguageStore(initial: Language | null = null): LanguageStore {
  let current = initial;
  return { load: async () => current, save: async (c) => { current = c; } };
}

/**
 * The saved looks, backed by IndexedDB next to the portrait.
 * @example
 *   const looks = indexedDbLookStore();
 *   await looks.save(look);
 *   (await looks.list())[0].id === look.id // the newest first
 */
export function indexedDbLookStore(idb: IDBFactory = indexedDB): LookStore {
  const open = connection(idb);
  const byPortrait = async (portraitId: string, mode: IDBTransactionMode) => {
    const tx = (await open()).transaction(LOOKS_STORE, mode);
    // A plain key as the query: no IDBKeyRange global needed (a fake IndexedDB in Node has none).
    return { tx, index: tx.objectStore(LOOKS_STORE).index(BY_PORTRAIT), range: portraitId };
  };
  return {
    async save(look) {
      const tx = (await open()).transaction(LOOKS_STORE, 'readwrite');
      tx.objectStore(LOOKS_STORE).put(look);
      await done(tx);
    },
    async list() {
      const tx = (await open()).transaction(LOOKS_STORE, 'readonly');
      const looks = (await request(tx.objectStore(LOOKS_STORE).getAll())) as Look[];
      return looks.sort((a, b) => b.savedAt - a.savedAt);
    },
    async delete(id) {
      const tx = (await open()).transaction(LOOKS_STORE, 'readwrite');
      tx.objectStore(LOOKS_STORE).delete(id);
      await done(tx);
    },
    async countByPortrait(portraitId) {
      const { index, range } = await byPortrait(portraitId, 'readonly');
      return request(index.count(range));
    },
    async deleteByPortrait(portraitId) {
      const { tx, index, range } = await byPortrait(portraitId, 'readwrite');
      const ids = await request(index.getAllKeys(range));
      const store = tx.objectStore(LOOKS_STORE);
      for (const id of ids) store.delete(id);
      await done(tx);
      return ids.length;
    },
  };
}

/**
 * Looks in memory, for tests.
 * @example const looks = memoryLookStore(); await looks.save(look); await looks.countByPortrait(look.portraitId) // 1
 */
export function memoryLookStore(initial: Look[] = []): LookStore {
  const looks = new Map(initial.map((l) => [l.id, l]));
  const of = (portraitId: string) => [...looks.values()].filter((l) => l.portraitId === portraitId);
  return {
    save: async (look) => void looks.set(look.id, look),
    list: async () => [...looks.values()].sort((a, b) => b.savedAt - a.savedAt),
    delete: async (id) => void looks.delete(id),
    countByPortrait: async (portraitId) => of(portraitId).length,
    deleteByPortrait: async (portraitId) => {
      const gone = of(portraitId);
      for (const l of gone) looks.delete(l.id);
      return gone.length;
    },
  };
}

/**
 * One store's connection, opened on first use. Another context of the extension asking for
 * a newer version closes it, so that upgrade is not blocked; the next use opens it again.
 */
function connection(idb: IDBFactory): () => Promise<IDBDatabase> {
  let db: Promise<IDBDatabase> | null = null;
  const forget = () => { db = null; };
  return () => (db ??= openDatabase(idb).then((open) => {
    open.onversionchange = () => { open.close(); forget(); };
    open.onclose = forget;
    return open;
  }, (e: unknown) => { forget(); throw e; }));
}

/**
 * Opens the database at DB_VERSION, creating the stores a database of an older version
 * lacks. Nothing is deleted or rewritten, so the portrait and profile stay as they were.
 */
function openDatabase(idb: IDBFactory): Promise<IDBDatabase> {
  const req = idb.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => upgradeDatabase(req.result);
  return request(req);
}

/**
 * The upgrade from any older version (0 when new) to DB_VERSION: each store and index is
 * created only if missing, so running it on any version leaves the data in place.
 */
function upgradeDatabase(db: IDBDatabase): void {
  for (const name of [STORE, PROFILE_STORE]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
  if (!db.objectStoreNames.contains(LOOKS_STORE)) {
    db.createObjectStore(LOOKS_STORE, { keyPath: 'id' }).createIndex(BY_PORTRAIT, 'portraitId', { unique: false });
  }
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
