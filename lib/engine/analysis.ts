/**
 * What portrait and garment analysis produce, and what a try-on returns.
 * Plain structured-clonable data: the popup stores a PortraitAnalysis in IndexedDB,
 * and a garment change re-uses it without running the pose model again.
 */
import type { GrayImage, RgbaImage } from './image';
import type { Box, GarmentCategory, Keypoints, SleeveLength } from './types';
import type { BodyGeometry } from './portrait/body-geometry';
import type { PortraitRegions } from './portrait/regions';
import type { SkinModel } from './portrait/skin';
import type { SleeveShape } from './garment/garment-shape';
import type { LowerKind } from './garment/lower-shape';

/** Problems with a portrait that a person can fix by choosing another photo. */
export type PortraitIssueCode =
  | 'person-too-small'
  | 'face-cut-off'
  | 'shoulders-cut-off'
  | 'hips-cut-off'
  | 'side-view'
  | 'arms-hidden'
  | 'several-people';

export interface PortraitIssue {
  code: PortraitIssueCode;
  /** A tip a person can act on, e.g. "Use a photo where your shoulders are fully visible." */
  message: string;
}

export interface PortraitAnalysis {
  /** Bumped when the shape changes, so stored analyses from older versions are redone. */
  version: number;
  /** The portrait as analysed: EXIF orientation applied, long side at most 2048 px. */
  image: RgbaImage;
  keypoints: Keypoints;
  /** Soft person mask at the image's size, 1 = person. */
  personMask: GrayImage;
  /** The face, to be left untouched; null only if the face is out of the frame. */
  faceBox: Box | null;
  /** Things that make the try-on worse, with tips; empty when the portrait is good. */
  issues: PortraitIssue[];
  /** How many people the detector saw (the main one was analysed). */
  people: number;
  /** Limb axes and thickness, shoulders, neck, body axis. */
  body: BodyGeometry;
  /** Face, hair, skin, arms, hands and clothes masks. */
  regions: PortraitRegions;
  /** The person's skin colour, learned from their face. */
  skin: SkinModel;
  /** Maps the renderer needs, computed once per portrait. */
  render: PortraitRenderMaps;
  timingsMs: Record<string, number>;
}

export interface PortraitRenderMaps {
  /** Light and folds of the clothes worn, as a multiplier around 1. */
  shading: GrayImage;
  /** The backdrop behind the person, extrapolated where the person hides it. */
  backdrop: RgbaImage;
  /** Where the body is under the clothes: torso, neck, arms and legs (skin when clothes are removed). */
  bodyZone: GrayImage;
  /** Forearms and lower upper arms: in front of a garment's body. */
  armsInFront: GrayImage;
  /** Skin to paint where an old garment is removed: the nearby skin's tone (membrane interpolation), shaded as a rounded body. */
  skinFill: RgbaImage;
  /** Where the old top is cleared: its region grown a little past the outline. */
  clearTop: GrayImage;
  /**
   * How much each pixel is an arm's own (its skin, or its old sleeve cleared to skin), where
   * the arms' outlines (capsules round the pose's lines) also take in a pocket or a hip a hand
   * rests on, which stay behind a new garment (portrait/arm-own.ts).
   */
  armOwn: GrayImage;
}

export interface GarmentAnalysis {
  version: number;
  category: GarmentCategory;
  sleeve: SleeveLength;
  /** The product photo as analysed (long side at most 1024 px). */
  image: RgbaImage;
  /** Soft garment mask at the image's size, 1 = garment. */
  mask: GrayImage;
  /**
   * Named points in the garment image's pixels, wearer's left/right: a top's neckline, shoulders, sleeve
   * ends, armpits and hem corners (a dress adds its waist and skirt sides); a bottom's waistband corners,
   * hips, crotch and hems; for a garment worn by a model, the model's body points.
   */
  landmarks: Record<string, [number, number]>;
  /** Sleeve roots, ends and lengths (upper garments). */
  sleeves: { left: SleeveShape; right: SleeveShape } | null;
  /** Per pixel: 0 none, 1 garment body (a bottom's hips), 2 wearer's left sleeve (leg), 3 right sleeve (leg). */
  parts: Uint8Array | null;
  /** Mean colour of the garment (RGB), e.g. for tests and size previews. */
  meanColor: [number, number, number];
  timingsMs: Record<string, number>;
  /** Bottoms only: two legs or one skirt. */
  lowerKind?: LowerKind;
  /** Garments photographed on a model: the model's body, to move the garment body to body. */
  model?: ModelBody;
}

/** The body of a model wearing a garment, in the garment image's pixels. */
export interface ModelBody {
  keypoints: Keypoints;
  body: BodyGeometry;
}

/** How the garment should fit; the size feature sets these from the chosen size. */
export interface GarmentFit {
  /** Extra width over the body, as a fraction of body width (0.08 = 8 % ease). */
  ease?: number;
  /** Scales the garment's length against the torso (1 = the garment's own proportions). */
  lengthScale?: number;
}

export interface TryOnOptions extends GarmentFit {
  /** Also return the result's layers (coverage, cleared), for review tools and tests. */
  layers?: boolean;
}

/** What a try-on drew where, at the portrait's size: for review tools and tests. */
export interface TryOnLayers {
  /** The new garment as drawn (0..1), before what of the shopper stays in front of it (hands, arms, hair). */
  drawn: GrayImage;
  /** How much of each pixel shows the new garment (0..1), after what of the shopper stays in front. */
  coverage: GrayImage;
  /** How much of each pixel was cleared of the old garment and filled (skin or backdrop), 0..1. */
  cleared: GrayImage;
}

export interface TryOnResult {
  image: RgbaImage;
  timingsMs: Record<string, number>;
  /** Only when TryOnOptions.layers is set. */
  layers?: TryOnLayers;
}
