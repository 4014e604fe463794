/**
 * What happens to the shopper's photo, in plain words; each sentence is a claim
 * docs/privacy.md backs with a test.
 */

/**
 * @example <PrivacyNote />
 */
export function PrivacyNote() {
  return (
    <p class="privacy" data-fitroom="privacy">
      Your photo stays in this browser and is never uploaded. Fitroom analyses it on this device and keeps only a
      re-encoded copy, without its metadata (camera, time, location). Try-ons are shown in Fitroom’s own frame,
      which the store’s page cannot read. The only thing downloaded is the product photo you choose.
    </p>
  );
}
