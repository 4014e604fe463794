/** Whether the portrait will give a good try-on, with tips a person can act on. */
import type { PortraitIssue } from '@/lib/engine/analysis';
import { issueText } from '@/lib/error-messages';
import { t } from '@/lib/i18n/translate';

/**
 * @example <PortraitVerdict issues={summary.issues} />
 */
export function PortraitVerdict({ issues }: { issues: PortraitIssue[] }) {
  if (issues.length === 0) {
    return (
      <p class="verdict verdict-good" data-fitroom="portrait-verdict" data-verdict="good">
        {t('verdict_good')}
      </p>
    );
  }
  return (
    <div class="verdict verdict-tips" data-fitroom="portrait-verdict" data-verdict="tips">
      <p>{t('verdict_tips')}</p>
      <ul>
        {issues.map((i) => (
          <li key={i.code} data-issue={i.code}>{issueText(i)}</li>
        ))}
      </ul>
    </div>
  );
}
