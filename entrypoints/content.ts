/**
 * The content script on every page: Try on buttons on garment images and the
 * try-on overlay. The logic is in lib/content/.
 */
import { startFitroom } from '@/lib/content/start';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main: (ctx) => startFitroom(ctx),
});
