/** Whether the portrait will give a good try-on, with tips a person can act on. */
import type { PortraitIssue } from '@/lib/engine/analysis';

/**
 * @example <PortraitVerdict issues={summary.issues} />
 */
export function PortraitVerdict({ issues }: { issues: PortraitIssue[] }) {
  if (issues.length === 0) {
    return (
      <p class="verdict verdict-good" data-fitroom="portrait-verdict" data-verdict="good">
        ✓ Good photo for trying on.
      </p>
    );
  }
  return (
    <div class="verdict verdict-tips" data-fitroom="portrait-verdict" data-verdict="tips">
      <p>This photo works, but a try-on will look better if you fix this:</p>
      <ul>
        {issues.map((i) => (
          <li key={i.code} data-issue={i.code}>{i.message}</li>
        ))}
      </ul>
    </div>
  );
}
