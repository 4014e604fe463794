/** A problem, in words a shopper can act on, with the one action that helps. */
import { describeError } from '@/lib/error-messages';
import type { ErrorInfo } from '@/lib/messaging';
import { t } from '@/lib/i18n/translate';

export interface ErrorNoticeProps {
  error: ErrorInfo;
  onAddPortrait(): void;
  onRetry(): void;
}

/**
 * @example <ErrorNotice error={{ code: 'no-portrait', message: '…' }} onAddPortrait={openPopup} onRetry={retry} />
 */
export function ErrorNotice({ error, onAddPortrait, onRetry }: ErrorNoticeProps) {
  const text = describeError(error);
  return (
    <div class="fr-error" data-fitroom="error" data-code={error.code} role="alert">
      <h2 class="fr-error-title">{text.title}</h2>
      <p class="fr-error-detail">{text.detail}</p>
      {text.action === 'add-portrait' && (
        <button type="button" class="fr-primary" data-fitroom="add-portrait" onClick={onAddPortrait}>
          {t('add_my_photo')}
        </button>
      )}
      {text.action === 'retry' && (
        <button type="button" class="fr-secondary" data-fitroom="retry" onClick={onRetry}>
          {t('try_again')}
        </button>
      )}
    </div>
  );
}
