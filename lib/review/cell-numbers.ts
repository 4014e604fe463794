/**
 * All numbers of one try-on (one cell of portraits × garments), from the
 * portrait's analysis, the product photo's backdrop and the result's layers.
 */
import type { GarmentCategory, RgbaImage, TryOnLayers } from '../engine/index';
import type { Backdrop } from './backdrop-in-body';
import { backdropInBody } from './backdrop-in-body';
import { clearedFilled } from './cleared-filled';
import type { OldGarmentPortrait } from './old-garment-left';
import { oldGarmentLeft } from './old-garment-left';
import type { Rgb } from './pixels';
import { pieces } from './pieces';

export interface CellNumbers {
  /** Pieces the new garment was drawn in (see pieces.ts); a top or a dress should be 1. */
  pieces: number | null;
  /** Product-photo backdrop pixels inside the shopper's body; null when the garment is backdrop-coloured. */
  backdropInBody: number | null;
  /** The old top's pixels still showing; null for a bottom (it does not replace the top). */
  oldGarmentLeft: number | null;
  /** Cleared and filled pixels the new garment does not cover. */
  clearedFilled: number | null;
}

/** A refused cell has no result to measure. */
export const NO_NUMBERS: CellNumbers = { pieces: null, backdropInBody: null, oldGarmentLeft: null, clearedFilled: null };

export interface CellInputs {
  portrait: OldGarmentPortrait;
  /** The old top's colours, learned once per portrait (oldTopColours). */
  oldColours: readonly Rgb[];
  /** The garment's category as analysed (a garment on a model is read as one of these). */
  category: GarmentCategory;
  /** The product photo's backdrop, learned once per garment (backdropOf). */
  backdrop: Backdrop;
  result: { image: RgbaImage; layers: TryOnLayers };
}

/**
 * @example cellNumbers({ portrait, oldColours, category: garment.category, backdrop, result }); // { pieces: 1, backdropInBody: 0, oldGarmentLeft: 120, clearedFilled: 40 }
 */
export function cellNumbers(c: CellInputs): CellNumbers {
  return {
    pieces: pieces(c.result.layers.drawn),
    backdropInBody: backdropInBody(c.portrait.image, c.portrait.personMask, c.result.image, c.backdrop),
    oldGarmentLeft: c.category === 'lower' ? null : oldGarmentLeft(c.portrait, c.oldColours, c.result.image, c.result.layers.coverage),
    clearedFilled: clearedFilled(c.result.layers),
  };
}
