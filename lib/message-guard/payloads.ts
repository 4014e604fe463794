/**
 * The shape of every message's data, checked at run time by its receiver
 * (guarded-listener.ts): one check per type of the protocol, so a new message
 * cannot be added without saying what it carries.
 */
import { PORTRAIT_MAX_LONG_SIDE } from '../image-io/size';
import { MAX_COLOUR_NAME, MAX_COLOUR_VARIANTS } from '../page/colour-variants';
import { MAX_STORE_CHARS, MAX_TITLE_CHARS } from '../page/product-listing';
import { MEASURE_NAMES } from '../page/size-chart-types';
import type { ProtocolMap } from '../messaging';
import { arrayOf, either, nothing, nullable, num, oneOf, optional, partialRecord, str, strict, type Check } from './shape';

/** A picture may be up to 40 MB (fetch-image.ts), a third more as base64. */
const MAX_BASE64_CHARS = Math.ceil((40 * 1024 * 1024 * 4) / 3) + 4;
/** Long enough for signed CDN URLs, short enough to refuse junk. */
export const MAX_URL_CHARS = 8192;
/** Ids are made by newJobId() and crypto.randomUUID(): short, plain characters. */
const ID = str({ max: 80, min: 1, pattern: /^[\w-]+$/, what: 'an id of letters, digits, _ and -' });
/** Ms since the epoch: from 2020 to 2100, so a wild number is refused. */
const EPOCH_MS = num({ min: 1.5e12, max: 4.1e12 });

/** A garment address as a page gives it; the background's URL guard judges it (with a message the shopper reads). */
const anyUrl = str({ max: MAX_URL_CHARS, min: 1, what: `a URL of at most ${MAX_URL_CHARS} characters` });
/** An address the background has already judged, on its way to the offscreen document. */
const url = str({ max: MAX_URL_CHARS, min: 1, pattern: /^https?:\/\//i, what: `an http(s) URL of at most ${MAX_URL_CHARS} characters` });
const category = oneOf(['upper', 'lower', 'dress'] as const);
const categoryHint = optional(category);
const stage = oneOf(['starting-engine', 'fetching-garment', 'decoding', 'analysing-portrait', 'analysing-garment', 'fitting', 'encoding', 'saving'] as const);
const mimeType = str({ max: 40, pattern: /^image\/[\w.+-]+$/, what: 'an image MIME type' });
const base64 = str({ max: MAX_BASE64_CHARS, min: 1, pattern: /^[A-Za-z0-9+/]+={0,2}$/, what: 'base64 text' });
const encodedImage = strict({ base64, mimeType });
// The engine's accepted ranges (lib/size/size-fit.ts clamps to the same).
const fit = optional(strict({ ease: optional(num({ min: -0.1, max: 1 })), lengthScale: optional(num({ min: 0.5, max: 2 })) }));

/** A chart value in cm: one number, or a range. */
const CM = num({ min: 0, max: 1000 });
const measureValue = either(CM, arrayOf(CM, { min: 2, max: 2 }) as Check<number[]>, 'a number of cm in [0, 1000] or a [min, max] pair');
const sizeChart = strict({
  unit: oneOf(['cm'] as const),
  kind: oneOf(['body', 'garment', 'unknown'] as const),
  sizes: arrayOf(strict({ label: str({ max: 80, min: 1 }), measures: partialRecord(MEASURE_NAMES, measureValue) }), { max: 60 }),
});

/** What lib/page/product-listing.ts reads: its texts are cut to these lengths there. */
const productListing = strict({
  title: optional(str({ max: MAX_TITLE_CHARS, min: 1 })),
  price: optional(strict({
    amount: str({ max: 32, min: 1, pattern: /^\d+(\.\d+)?$/, what: 'an amount in digits with a dot for decimals' }),
    currency: optional(str({ max: 3, min: 3, pattern: /^[A-Z]{3}$/, what: 'an ISO 4217 currency code' })),
  })),
  // The page's own address, opened from the fitting room: http(s) only, never javascript: or data:.
  url,
  store: optional(str({ max: MAX_STORE_CHARS, min: 1 })),
});
/** A result is at the analysed portrait's size. */
const side = num({ min: 1, max: PORTRAIT_MAX_LONG_SIDE, integer: true });
const saveLookRequest = strict({
  portraitId: ID,
  result: strict({ base64, mimeType: oneOf(['image/png'] as const), width: side, height: side }),
  garment: strict({ url: anyUrl, photo: optional(encodedImage), category }),
  product: optional(productListing),
  size: optional(str({ max: 80, min: 1 })),
});
/** The product's colours as the page names them, each with the photo the overlay may try on (judged by the background's URL guard then). */
const variants = optional(arrayOf(strict({ name: str({ max: MAX_COLOUR_NAME, min: 1 }), src: anyUrl }), { max: MAX_COLOUR_VARIANTS }));

const progressEvent = strict({ jobId: ID, stage, fraction: num({ min: 0, max: 1 }) });
const ticket = strict({ overlayId: ID });
const sizeAdviceRequest = strict({ chart: nullable(sizeChart) });

/** The check of each message type's data. */
export const PAYLOAD_CHECKS: { [K in keyof ProtocolMap]: Check<unknown> } = {
  'bg.analysePortrait': strict({ jobId: ID, image: encodedImage }),
  'bg.tryOn': strict({ jobId: ID, src: anyUrl, categoryHint, fit }),
  'bg.status': nothing,
  'bg.progress': progressEvent,
  'bg.openOverlay': strict({ src: anyUrl, categoryHint, chart: nullable(sizeChart), variants, clickedAt: EPOCH_MS, product: optional(productListing) }),
  'bg.overlayRequest': ticket,
  'bg.closeOverlay': ticket,
  'bg.warmUp': nothing,
  'bg.warmUpForPortrait': nothing,
  'bg.sizeAdvice': sizeAdviceRequest,
  'bg.saveLook': saveLookRequest,
  'bg.language': nothing,
  'offscreen.analysePortrait': strict({ jobId: ID, image: encodedImage }),
  'offscreen.prepare': strict({ url, categoryHint }),
  'offscreen.tryOn': strict({ jobId: ID, categoryHint, fit, garment: strict({ url, image: optional(encodedImage) }) }),
  'offscreen.status': nothing,
  'offscreen.warmUp': nothing,
  'offscreen.sizeAdvice': sizeAdviceRequest,
  'content.showTryOn': strict({ src: anyUrl, categoryHint }),
  'content.closeOverlay': ticket,
  'popup.progress': progressEvent,
  'overlay.progress': progressEvent,
};
