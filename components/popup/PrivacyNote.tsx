/**
 * What happens to the shopper's photo, in plain words; each sentence is a claim
 * docs/privacy.md backs with a test.
 */
import { t } from '@/lib/i18n/translate';

/**
 * @example <PrivacyNote />
 */
export function PrivacyNote() {
  return (
    <p class="privacy" data-fitroom="privacy">
      {t('privacy_note')}
    </p>
  );
}
