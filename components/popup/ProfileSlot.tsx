/**
 * Where the shopper profile (height, usual size, fit preference) will go: the size
 * feature renders its form as this slot's children.
 */
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n/translate';

/**
 * @example <ProfileSlot><ProfileForm /></ProfileSlot>
 */
export function ProfileSlot({ children }: { children?: ComponentChildren }) {
  if (!children) return null;
  return (
    <section class="profile" data-fitroom="profile">
      <h2>{t('profile_heading')}</h2>
      {children}
    </section>
  );
}
