/**
 * Which portraits and garments a review run tries: the sample sets the contact
 * sheet always used, the wider review set of the samples folder's manifest, or both.
 */

/** A spread of portraits: women and men, thighs-up and full body, arms down and bent. */
export const DEFAULT_PORTRAITS = ['01008_00.jpg', '09597_00.jpg', '14627_00.jpg', 'model_1.png', 'model_3.png', 'model_5.png', 'model_7.png', '049205_0.jpg', '051482_0.jpg', 'model_8.png'];
/** Bottoms and dresses need legs: more full-body portraits, in trousers, skirts and dresses. */
export const FULL_BODY_PORTRAITS = ['049447_0.jpg', '049205_0.jpg', 'model_8.png', '052472_0.jpg', '053514_0.jpg', '01008_00.jpg', '07966_00.jpg', 'model_5.png'];
/** People photographed in what they wear, as product photos on a model: trousers, dresses, tops. */
export const MODEL_GARMENTS = ['049447_0.jpg', '051482_0.jpg', 'model_9.png', '052767_0.jpg', '053228_0.jpg', '01008_00.jpg', 'model_7.png', '051962_0.jpg'];

export const REVIEW_CATEGORIES = ['upper', 'lower', 'dress', 'on-model'] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];
export const REVIEW_SETS = ['samples', 'review', 'all'] as const;
export type ReviewSet = (typeof REVIEW_SETS)[number];

export interface ReviewPair {
  person: string;
  garment: string;
  category: 'upper' | 'lower' | 'dress';
}

/** The parts of the samples folder's manifest.json a review run reads. */
export interface ReviewManifest {
  garments: { file: string; category: string }[];
  review?: {
    persons: { file: string }[];
    garments: { file: string; category: string }[];
    onModel: { file: string }[];
    pairs: ReviewPair[];
  };
}

/**
 * A file relative to the samples folder: a bare name (no folder) is taken from `folder`, as the sheet's
 * options always did.
 * @example sampleFile('01008_00.jpg', 'persons'); // 'persons/01008_00.jpg'
 * @example sampleFile('persons-more/arnav_Joe.jpg', 'persons'); // unchanged
 */
export function sampleFile(name: string, folder: string): string {
  return name.includes('/') ? name : `${folder}/${name}`;
}

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/**
 * The portraits and garments (files relative to the samples folder) of a category's set: `samples` = the
 * sheet's lists and the manifest's garments of the category (on-model: MODEL_GARMENTS, worn in persons/);
 * `review` = the manifest's review persons × its review garments of the category (on-model: review.onModel);
 * `all` = both, without repeats. Empty lists when the manifest has no review set.
 * @example reviewLists(manifest, 'upper', 'review').garments; // ['garments-more/00034_00.jpg', ...]
 */
export function reviewLists(manifest: ReviewManifest, category: ReviewCategory, set: ReviewSet): { portraits: string[]; garments: string[] } {
  const onModel = category === 'on-model';
  const samples = {
    portraits: (category === 'upper' ? DEFAULT_PORTRAITS : FULL_BODY_PORTRAITS).map((f) => sampleFile(f, 'persons')),
    garments: onModel ? MODEL_GARMENTS.map((f) => sampleFile(f, 'persons')) : manifest.garments.filter((g) => g.category === category).map((g) => g.file),
  };
  const r = manifest.review;
  const review = {
    portraits: r?.persons.map((p) => p.file) ?? [],
    garments: (onModel ? r?.onModel : r?.garments.filter((g) => g.category === category))?.map((g) => g.file) ?? [],
  };
  if (set === 'samples') return samples;
  if (set === 'review') return review;
  return { portraits: union(samples.portraits, review.portraits), garments: union(samples.garments, review.garments) };
}

/**
 * Short unique names for files, for result file names: the name without folder and extension, prefixed
 * with its folder when two files of the list share it.
 * @example fileStems(['persons/a.jpg', 'persons-more/a.png', 'persons/b.jpg']); // ['persons_a', 'persons-more_a', 'b']
 */
export function fileStems(files: readonly string[]): string[] {
  const stem = (f: string) => f.slice(f.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const counts = new Map<string, number>();
  for (const f of files) counts.set(stem(f), (counts.get(stem(f)) ?? 0) + 1);
  return files.map((f) => (counts.get(stem(f))! > 1 ? f.replace(/\.[^./]+$/, '').replace(/\//g, '_') : stem(f)));
}
