/**
 * Where the shopper profile (height, usual size, fit preference) will go: the size
 * feature renders its form as this slot's children.
 */
import type { ComponentChildren } from 'preact';

/**
 * @example <ProfileSlot><ProfileForm /></ProfileSlot>
 */
export function ProfileSlot({ children }: { children?: ComponentChildren }) {
  if (!children) return null;
  return (
    <section class="profile" data-fitroom="profile">
      <h2>Your measurements</h2>
      {children}
    </section>
  );
}
