/**
 * Errors as they cross extension contexts: plain `{ code, message }`.
 * Extension messaging serialises to JSON, which drops an Error's class and
 * fields, so every reply carries a Result instead of a thrown error.
 */
import { isFitroomError, type FitroomErrorCode } from './engine/errors';

/** The engine's codes, plus what can go wrong around it in the extension. */
export type ErrorCode =
  | FitroomErrorCode
  | 'no-portrait' // a try-on was asked for before the shopper chose a photo
  | 'fetch-failed' // the garment image could not be downloaded
  | 'blocked-url' // the garment's address (or a redirect) is not a public http(s) one: refused before any request
  | 'engine-unavailable' // the models are missing or could not be loaded
  | 'no-receiver' // a message reached no listener (tab without our content script, closed document)
  | 'internal'; // a bug: anything else

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** The reply of every request that can fail. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The one wording of the no-portrait error, wherever it is found out. */
export const NO_PORTRAIT_MESSAGE = 'No portrait yet: choose a photo of yourself in the Fitroom popup first.';

/** An error that carries an extension-level code (see ErrorCode). */
export class ExtensionError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ExtensionError';
    this.code = code;
  }
}

/**
 * Turns anything thrown into `{ code, message }`, keeping the code of our own errors.
 * @example toErrorInfo(new FitroomError('no-person', 'No person found.')) // { code: 'no-person', message: 'No person found.' }
 */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (isFitroomError(e)) return { code: e.code, message: e.message };
  if (e instanceof ExtensionError) return { code: e.code, message: e.message };
  if (isErrorInfo(e)) return { code: e.code, message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: message || 'Unknown error.' };
}

/**
 * Runs `fn` and wraps its value or its error in a Result.
 * @example const reply = await toResult(() => service.tryOn(request)); // { ok: true, value } or { ok: false, error }
 */
export async function toResult<T>(fn: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}

/**
 * The value of a Result, or throws an ExtensionError with its code.
 * @example const summary = unwrap(await sendMessage('offscreen.analysePortrait', request));
 */
export function unwrap<T>(result: Result<T> | undefined | null): T {
  if (!result) throw new ExtensionError('no-receiver', 'Expected a reply but nobody answered the message.');
  if (result.ok) return result.value;
  throw new ExtensionError(result.error.code, result.error.message);
}

function isErrorInfo(e: unknown): e is ErrorInfo {
  return typeof e === 'object' && e !== null && typeof (e as ErrorInfo).code === 'string' && typeof (e as ErrorInfo).message === 'string';
}
