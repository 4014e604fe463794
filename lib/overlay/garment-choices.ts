/**
 * Which of the shopper's choices the overlay offers after a failed try-on. After an
 * error about the garment (the photo could not be read as the kind asked, or a colour's
 * photo could not be had), picking another kind or colour may well work, so both stay
 * offered; after an error about the portrait or the engine, they would only fail again.
 */
import type { ErrorCode } from '../error-info';

/** Errors that concern the garment photo or the kind it was read as. */
const GARMENT_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'no-garment', 'unsupported-category', 'body-out-of-frame', 'fetch-failed', 'blocked-url', 'not-an-image', 'image-too-large',
]);

/**
 * Whether the colour and kind pickers stay on show beside this error.
 * @example choicesAfterError('no-garment') // true: another kind may find the garment
 * @example choicesAfterError('no-portrait') // false
 */
export function choicesAfterError(code: ErrorCode): boolean {
  return GARMENT_ERRORS.has(code);
}
