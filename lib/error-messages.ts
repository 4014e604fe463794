/**
 * What the shopper reads when something goes wrong: a title, a sentence saying what
 * to do, and the one action that helps, in the shopper's language (lib/i18n/). Shared by
 * the overlay and the popup.
 */
import type { PortraitIssue } from './engine/analysis';
import type { ErrorInfo } from './error-info';
import { CATALOGUES, type MessageKey } from './i18n/catalogues';
import { t } from './i18n/translate';

export type ErrorAction = 'add-portrait' | 'retry' | null;

export interface ErrorText {
  title: string;
  detail: string;
  action: ErrorAction;
}

/**
 * The words for an error `{ code, message }`.
 * @example describeError({ code: 'no-portrait', message: '…' }).title // 'Add a photo of yourself first'
 */
export function describeError(error: ErrorInfo): ErrorText {
  const message = error.message;
  switch (error.code) {
    case 'no-portrait':
      return { title: t('error_no_portrait_title'), detail: t('error_no_portrait_detail'), action: 'add-portrait' };
    case 'no-person':
      return { title: t('error_no_person_title'), detail: t('error_no_person_detail'), action: 'add-portrait' };
    case 'no-garment':
      return { title: t('error_no_garment_title'), detail: t('error_no_garment_detail'), action: null };
    case 'unsupported-category':
      // The engine's message says which kinds it dresses today; it changes as the engine grows.
      return { title: t('error_unsupported_title'), detail: t('error_unsupported_detail', { message }), action: null };
    case 'body-out-of-frame':
      // The engine's message says which part of the body is missing and what photo to use.
      return { title: t('error_out_of_frame_title'), detail: t('error_out_of_frame_detail', { message }), action: 'add-portrait' };
    case 'fetch-failed':
      return { title: t('error_fetch_failed_title'), detail: t('error_fetch_failed_detail', { message }), action: 'retry' };
    case 'blocked-url':
      // Not a connection problem, so no "retry": the address itself is refused.
      return { title: t('error_blocked_url_title'), detail: t('error_blocked_url_detail', { message }), action: null };
    case 'not-an-image':
      return { title: t('error_not_image_title'), detail: t('error_not_image_detail', { message }), action: null };
    case 'image-too-large':
      return { title: t('error_too_large_title'), detail: t('error_too_large_detail', { message }), action: null };
    case 'engine-unavailable':
      return { title: t('error_engine_title'), detail: t('error_engine_detail', { message }), action: 'retry' };
    default:
      return { title: t('error_other_title'), detail: t('error_other_detail', { message }), action: 'retry' };
  }
}

const STAGE_KEYS: Record<string, MessageKey> = {
  'starting-engine': 'stage_starting_engine',
  'fetching-garment': 'stage_fetching_garment',
  decoding: 'stage_decoding',
  'analysing-portrait': 'stage_analysing_portrait',
  'analysing-garment': 'stage_analysing_garment',
  fitting: 'stage_fitting',
  encoding: 'stage_encoding',
  saving: 'stage_saving',
};

/**
 * The words for a progress stage.
 * @example stageLabel('analysing-garment') // 'Looking at the garment…'
 */
export function stageLabel(stage: string): string {
  return t(Object.hasOwn(STAGE_KEYS, stage) ? STAGE_KEYS[stage] : 'stage_working');
}

/**
 * A portrait issue's tip in the current language (the engine's own tip is English).
 * @example issueText({ code: 'side-view', message: '…' }) // 'You seem to be turned sideways. …'
 */
export function issueText(issue: PortraitIssue): string {
  const key = `issue_${issue.code.replaceAll('-', '_')}`;
  return key in CATALOGUES.en ? t(key as MessageKey) : issue.message;
}
