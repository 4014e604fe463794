/**
 * Store-page reading: the product's garment images, the garment verdict, size charts,
 * colour variants, and a watcher for late content. Pure DOM reading; runs in a content script and in Node over linkedom.
 */
export type * from './types';
export { findGarmentImages, type FindGarmentImagesOptions } from './find-garment-images';
export { judgeGarmentPage, verdictFromTexts } from './garment-verdict';
export { classifyProductText, type TextVerdict } from './garment-text';
export { readProductTexts, type ProductTexts } from './product-data';
export { findJsonLdProduct, jsonLdBreadcrumbs, jsonLdColourVariants, type JsonLdProduct } from './json-ld';
export { readColourVariants, MAX_COLOUR_VARIANTS, MAX_COLOUR_NAME } from './colour-variants';
export { watchPage, watchGarmentImages, type PageWatch, type WatchPageOptions } from './watch-page';
export { largestImageUrl, estimateImageSize } from './image-source';
export { parseSrcset, largestSrcsetCandidate } from './srcset';
export { imageKey, toAbsoluteUrl, stripTaobaoSuffix, urlSizeHint } from './url';
export type * from './size-chart-types';
export { MEASURE_NAMES } from './size-chart-types';
export { readSizeChart, readSizeCharts, readChartTable, type FoundSizeChart, type ReadSizeChartOptions } from './size-chart';
