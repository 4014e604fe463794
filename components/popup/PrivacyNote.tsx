/** The plain promise about the shopper's photo. */

/**
 * @example <PrivacyNote />
 */
export function PrivacyNote() {
  return (
    <p class="privacy" data-fitroom="privacy">
      Your photo stays on this device. It is analysed and stored in this browser only, and is never uploaded.
    </p>
  );
}
