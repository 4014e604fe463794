/**
 * Errors the engine raises for bad input. Each carries a stable `code` so the
 * extension can show the right message and the CLI can exit with status 2.
 */
export type FitroomErrorCode =
  | 'not-an-image' // bytes are empty, truncated or not a picture format we read
  | 'image-too-large' // declared size above the pixel limit, refused before decoding
  | 'no-person' // the portrait shows nobody
  | 'no-garment' // the garment photo shows no garment
  | 'unsupported-category' // a garment we recognise but cannot dress yet
  | 'body-out-of-frame' // the portrait does not show the part of the body the garment goes on
  | 'bad-argument'; // a caller passed a value outside the documented range

export class FitroomError extends Error {
  readonly code: FitroomErrorCode;
  constructor(code: FitroomErrorCode, message: string) {
    super(message);
    this.name = 'FitroomError';
    this.code = code;
  }
}

/** True when `e` is a FitroomError (also across realms, where instanceof fails). */
export function isFitroomError(e: unknown): e is FitroomError {
  return e instanceof FitroomError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'FitroomError');
}
