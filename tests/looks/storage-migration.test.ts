/**
 * The database's upgrade to version 3 (the `looks` store) on a real IndexedDB
 * implementation (fake-indexeddb): a portrait and a profile stored by version 1 or 2
 * are still there after it, and the looks store works.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { DB_NAME, DB_VERSION, indexedDbLookStore, indexedDbPortraitStore, indexedDbProfileStore } from '../../lib/storage';
import { sampleLook } from './look-fixtures';

/** A database as an older Fitroom left it: its stores (out-of-line keys) and their values. */
async function olderDatabase(idb: IDBFactory, version: number, contents: Record<string, Record<string, unknown>>): Promise<void> {
  const req = idb.open(DB_NAME, version);
  req.onupgradeneeded = () => {
    for (const name of Object.keys(contents)) req.result.createObjectStore(name);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction(Object.keys(contents), 'readwrite');
  for (const [store, values] of Object.entries(contents)) for (const [key, value] of Object.entries(values)) tx.objectStore(store).put(value, key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function storeNames(idb: IDBFactory): Promise<{ version: number; names: string[] }> {
  const req = idb.open(DB_NAME);
  const db = await new Promise<IDBDatabase>((resolve) => (req.onsuccess = () => resolve(req.result)));
  const out = { version: db.version, names: [...db.objectStoreNames].sort() };
  db.close();
  return out;
}

const summary = { id: 'portrait-a', savedAt: 1, mimeType: 'image/jpeg', width: 30, height: 40, keypoints: {}, faceBox: null, issues: [], backend: 'wasm', timingsMs: {} };
const photo = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), mimeType: 'image/jpeg', reencoded: true as const };
const analysis = { format: 'packed', masks: [1, 2, 3] };
const profile = { heightCm: 170, fit: 'regular', tape: { chest: 89 }, unit: 'cm' };

describe('the database upgrade to version 3', () => {
  it('keeps the portrait and the profile a version 2 database holds, and adds the looks store', async () => {
    const idb = new IDBFactory();
    await olderDatabase(idb, 2, { portrait: { summary, photo, analysis }, profile: { profile } });
    const looks = indexedDbLookStore(idb);
    expect(await looks.list()).toEqual([]);
    expect(await storeNames(idb)).toEqual({ version: DB_VERSION, names: ['looks', 'portrait', 'profile'] });
    const portraits = indexedDbPortraitStore(idb);
    expect(await portraits.loadSummary()).toEqual(summary);
    expect(await portraits.loadPhoto()).toEqual(photo);
    expect(await portraits.loadAnalysis()).toEqual(analysis);
    expect(await indexedDbProfileStore(idb).load()).toEqual(profile);
  });

  it('upgrades a version 1 database (portrait only) by adding both missing stores', async () => {
    const idb = new IDBFactory();
    await olderDatabase(idb, 1, { portrait: { summary, photo, analysis } });
    expect(await indexedDbProfileStore(idb).load()).toBeNull();
    expect(await storeNames(idb)).toEqual({ version: DB_VERSION, names: ['looks', 'portrait', 'profile'] });
    expect(await indexedDbPortraitStore(idb).loadSummary()).toEqual(summary);
  });

  it('creates every store in a new database', async () => {
    const idb = new IDBFactory();
    expect(await indexedDbPortraitStore(idb).loadSummary()).toBeNull();
    expect(await storeNames(idb)).toEqual({ version: DB_VERSION, names: ['looks', 'portrait', 'profile'] });
  });
});

describe('the looks store', () => {
  it('lists newest first, counts and deletes by portrait, and deletes one look', async () => {
    const idb = new IDBFactory();
    const looks = indexedDbLookStore(idb);
    await looks.save(sampleLook({ id: 'a1', portraitId: 'portrait-a', savedAt: 1000 }));
    await looks.save(sampleLook({ id: 'b1', portraitId: 'portrait-b', savedAt: 3000 }));
    await looks.save(sampleLook({ id: 'a2', portraitId: 'portrait-a', savedAt: 2000 }));
    expect((await looks.list()).map((l) => l.id)).toEqual(['b1', 'a2', 'a1']);
    // The bytes come back as bytes.
    expect((await looks.list())[0].result.bytes).toEqual(sampleLook().result.bytes);
    expect(await looks.countByPortrait('portrait-a')).toBe(2);
    expect(await looks.countByPortrait('portrait-c')).toBe(0);
    expect(await looks.deleteByPortrait('portrait-a')).toBe(2);
    expect((await looks.list()).map((l) => l.id)).toEqual(['b1']);
    await looks.delete('b1');
    expect(await looks.list()).toEqual([]);
  });

  it('deleting the portrait leaves the looks, and the looks store leaves the portrait', async () => {
    const idb = new IDBFactory();
    const portraits = indexedDbPortraitStore(idb);
    const looks = indexedDbLookStore(idb);
    await portraits.save({ summary: summary as never, photo, analysis: analysis as never });
    await looks.save(sampleLook());
    await portraits.delete();
    expect(await looks.countByPortrait('portrait-a')).toBe(1);
    await portraits.save({ summary: summary as never, photo, analysis: analysis as never });
    await looks.deleteByPortrait('portrait-a');
    expect(await portraits.loadSummary()).toEqual(summary);
  });
});
