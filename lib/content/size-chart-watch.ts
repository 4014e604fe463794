/**
 * The product's size chart on the page, kept current: read now and again after
 * the page changes (charts in tabs, dialogs and apps such as Kiwi Sizing render late).
 */
import { readSizeChart } from '../page/size-chart';
import type { SizeChart } from '../page/size-chart-types';
import { watchPage, type PageWatch } from '../page/watch-page';

export interface SizeChartWatch extends PageWatch {
  /** The chart as last read (a pending re-read runs first), or null when the page has none. */
  current(): SizeChart | null;
}

/**
 * @example
 * const charts = watchSizeChart(document);
 * sendMessage('bg.sizeAdvice', { chart: charts.current() });
 */
export function watchSizeChart(doc: Document): SizeChartWatch {
  let chart: SizeChart | null = null;
  const read = () => {
    try {
      chart = readSizeChart(doc);
    } catch (e) {
      console.warn('Fitroom: the size chart could not be read:', e);
      chart = null;
    }
  };
  read();
  // Elements added or removed, and panels opened (hidden, open): charts arrive that way.
  const watch = watchPage(doc.documentElement ?? doc, read);
  return {
    ...watch,
    current() {
      watch.flush();
      return chart;
    },
  };
}
