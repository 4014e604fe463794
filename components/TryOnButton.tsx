/**
 * The Try on button shown on each garment image of a store page, inside a closed
 * shadow root (the page's CSS cannot reach it, nor its scripts). It holds nothing
 * private, and acts only on clicks the browser made from real input: a page script
 * can dispatch a click on its host, but that click is not `isTrusted`.
 */
import { t } from '@/lib/i18n/translate';

export interface TryOnButtonProps {
  /** Absolute URL of the image this button tries on. */
  src: string;
  onTryOn(src: string): void;
}

/**
 * @example render(<TryOnButton src="https://cdn.shop.example/shirt.jpg" onTryOn={open} />, container)
 */
export function TryOnButton({ src, onTryOn }: TryOnButtonProps) {
  return (
    <button
      type="button"
      class="fr-try-on"
      title={t('try_on_button_title')}
      onClick={(e) => {
        // The page must not also react (open its lightbox, follow a link).
        e.preventDefault();
        e.stopPropagation();
        if (!e.isTrusted) return; // a script's click, not the shopper's
        onTryOn(src);
      }}
    >
      <HangerIcon /> {t('try_on_button')}
    </button>
  );
}

/** A coat hanger, drawn: pages and headless browsers may lack an emoji font. */
function HangerIcon() {
  return (
    <svg class="fr-try-on-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      <path d="M12 7.5a2 2 0 1 1 2-2c0 1-1 1.5-2 2.2v1.3" />
      <path d="M12 9 3 15.5c-.9.7-.4 2 .7 2h16.6c1.1 0 1.6-1.3.7-2L12 9Z" />
    </svg>
  );
}
