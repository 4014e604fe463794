import { describe, expect, it } from 'vitest';
import { fitLongSide } from '../../lib/image-io/size';

describe('fitLongSide', () => {
  it('scales the long side down to the limit, keeping the aspect ratio', () => {
    expect(fitLongSide(3000, 4000, 2048)).toEqual({ width: 1536, height: 2048 });
    expect(fitLongSide(4032, 3024, 2048)).toEqual({ width: 2048, height: 1536 });
  });
  it('never scales up', () => {
    expect(fitLongSide(768, 1024, 2048)).toEqual({ width: 768, height: 1024 });
  });
  it('names a bad size', () => {
    expect(() => fitLongSide(0, 10, 2048)).toThrow('Expected a positive number for width but received 0.');
    expect(() => fitLongSide(10, 10, Number.NaN)).toThrow('maxLongSide');
  });
});
