import { describe, expect, it } from 'vitest';
import type { ReviewManifest } from '../../lib/review/review-sets';
import { DEFAULT_PORTRAITS, FULL_BODY_PORTRAITS, fileStems, MODEL_GARMENTS, reviewLists, sampleFile } from '../../lib/review/review-sets';

const manifest: ReviewManifest = {
  garments: [{ file: 'garments/t1.jpg', category: 'upper' }, { file: 'garments/p1.jpg', category: 'lower' }, { file: 'garments/t2.jpg', category: 'upper' }],
  review: {
    persons: [{ file: 'persons-more/x.jpg' }, { file: 'persons/01008_00.jpg' }],
    garments: [{ file: 'garments-more/t3.png', category: 'upper' }, { file: 'garments-more/d1.jpg', category: 'dress' }],
    onModel: [{ file: 'on-model/m1.webp' }],
    pairs: [{ person: 'paired/person/a.jpg', garment: 'paired/garment/a.jpg', category: 'upper' }],
  },
};

describe('reviewLists', () => {
  it('gives the sheet\'s sample lists, the review set, or both without repeats', () => {
    expect(reviewLists(manifest, 'upper', 'samples')).toEqual({ portraits: DEFAULT_PORTRAITS.map((f) => `persons/${f}`), garments: ['garments/t1.jpg', 'garments/t2.jpg'] });
    expect(reviewLists(manifest, 'upper', 'review')).toEqual({ portraits: ['persons-more/x.jpg', 'persons/01008_00.jpg'], garments: ['garments-more/t3.png'] });
    const all = reviewLists(manifest, 'upper', 'all');
    expect(all.portraits).toEqual([...DEFAULT_PORTRAITS.map((f) => `persons/${f}`), 'persons-more/x.jpg']); // 01008_00 once
    expect(all.garments).toEqual(['garments/t1.jpg', 'garments/t2.jpg', 'garments-more/t3.png']);
  });

  it('takes full-body portraits for bottoms and dresses, and photos of people as on-model garments', () => {
    expect(reviewLists(manifest, 'dress', 'all')).toEqual({ portraits: [...FULL_BODY_PORTRAITS.map((f) => `persons/${f}`), 'persons-more/x.jpg'], garments: ['garments-more/d1.jpg'] });
    expect(reviewLists(manifest, 'lower', 'review').garments).toEqual([]);
    expect(reviewLists(manifest, 'on-model', 'samples').garments).toEqual(MODEL_GARMENTS.map((f) => `persons/${f}`));
    expect(reviewLists(manifest, 'on-model', 'review').garments).toEqual(['on-model/m1.webp']);
  });

  it('has an empty review set when the manifest has none', () => {
    expect(reviewLists({ garments: manifest.garments }, 'upper', 'review')).toEqual({ portraits: [], garments: [] });
  });
});

describe('sampleFile', () => {
  it('reads bare names from the default folder and keeps paths', () => {
    expect(sampleFile('01008_00.jpg', 'persons')).toBe('persons/01008_00.jpg');
    expect(sampleFile('persons-more/arnav_Joe.jpg', 'persons')).toBe('persons-more/arnav_Joe.jpg');
  });
});

describe('fileStems', () => {
  it('names files by their stem, with the folder only where two stems clash', () => {
    expect(fileStems(['persons/a.jpg', 'persons-more/a.png', 'persons/b.v2.jpg'])).toEqual(['persons_a', 'persons-more_a', 'b.v2']);
  });
});
