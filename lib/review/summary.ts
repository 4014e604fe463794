/**
 * One review run's cells and what they add up to over the set: the numbers a
 * maintainer compares before and after an engine change.
 */
import type { GarmentCategory } from '../engine/index';
import type { CellNumbers } from './cell-numbers';
import { median } from './median';

export interface ReviewCell extends CellNumbers {
  /** Sample files, relative to the samples folder. */
  portrait: string;
  garment: string;
  /** The garment's category as analysed; null when its analysis was refused. */
  category: GarmentCategory | null;
  /** The full-size result, relative to the page's folder; null when none was written. */
  file: string | null;
  /** The engine's message when it refused the portrait, the garment or the try-on. */
  refused: string | null;
  /** The try-on's time. */
  ms: number | null;
  /** Paired cells only: SSIM of the try-on against the person's own photo over shoulders to hips. */
  ssim?: number | null;
}

export interface ReviewSummary {
  cells: number;
  refused: number;
  /** Cells whose garment was drawn in one piece, in several, in none. */
  onePiece: number;
  severalPieces: number;
  noPieces: number;
  /** Pieces beyond the first, summed over the cells. */
  extraPieces: number;
  /** Sums are null when no cell could be measured (oldGarmentLeft for bottoms), so a 0 always means none found. */
  backdropInBody: number | null;
  backdropInBodyMedian: number | null;
  /** Cells whose garment is backdrop-coloured, so backdropInBody could not be told. */
  backdropInBodyNull: number;
  oldGarmentLeft: number | null;
  clearedFilled: number | null;
  medianMs: number | null;
  pairs: { person: string; garment: string; ssim: number | null; refused: string | null }[];
  medianSsim: number | null;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const sumOrNull = (values: number[]) => (values.length ? sum(values) : null);
const present = (values: (number | null | undefined)[]) => values.filter((v): v is number => typeof v === 'number');

/**
 * Sums and medians over the set's cells (refused cells counted, not measured); pairs listed with their SSIM.
 * @example summarise(cells, pairCells).extraPieces; // 0 when every garment was drawn whole
 */
export function summarise(cells: readonly ReviewCell[], pairs: readonly ReviewCell[] = []): ReviewSummary {
  const done = cells.filter((c) => c.refused === null);
  const piecesOf = present(done.map((c) => c.pieces));
  const backdrop = present(done.map((c) => c.backdropInBody));
  const ssims = present(pairs.map((p) => p.ssim));
  return {
    cells: cells.length,
    refused: cells.length - done.length,
    onePiece: piecesOf.filter((p) => p === 1).length,
    severalPieces: piecesOf.filter((p) => p > 1).length,
    noPieces: piecesOf.filter((p) => p === 0).length,
    extraPieces: sum(piecesOf.map((p) => Math.max(0, p - 1))),
    backdropInBody: sumOrNull(backdrop),
    backdropInBodyMedian: median(backdrop),
    backdropInBodyNull: done.length - backdrop.length,
    oldGarmentLeft: sumOrNull(present(done.map((c) => c.oldGarmentLeft))),
    clearedFilled: sumOrNull(present(done.map((c) => c.clearedFilled))),
    medianMs: median(present(done.map((c) => c.ms))),
    pairs: pairs.map((p) => ({ person: p.portrait, garment: p.garment, ssim: p.ssim ?? null, refused: p.refused })),
    medianSsim: median(ssims),
  };
}
