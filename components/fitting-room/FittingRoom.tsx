/**
 * The fitting room, a full extension page: the shopper's portrait (chosen, or taken with
 * the camera) on one side, the saved looks as a grid on the other; two to four looks
 * compared side by side; each look's picture copied or downloaded, its product page
 * opened, the look deleted; the looks downloaded as a shopping list; the language chosen
 * (English or Chinese) for every Fitroom page. It is not
 * web-accessible: no store page can frame it or read what it shows.
 */
import { useState } from 'preact/hooks';
import { DeletePortraitOffer } from '@/components/looks/DeletePortraitOffer';
import { PortraitPanel } from '@/components/popup/PortraitPanel';
import { COMPARE_MAX, canCompare, keepExisting, toggleCompare } from '@/lib/looks/compare-selection';
import { useLooks } from '@/lib/looks/use-looks';
import { usePortraitDeletion } from '@/lib/looks/use-portrait-deletion';
import { storedOf } from '@/lib/popup/portrait-state';
import { usePortrait } from '@/lib/popup/use-portrait';
import type { LanguageStore, LookStore, PortraitStore } from '@/lib/storage';
import { useLanguage } from '@/lib/i18n/use-language';
import { CameraCapture } from './CameraCapture';
import { CompareView } from './CompareView';
import { LanguageSwitch } from './LanguageSwitch';
import { LookCard } from './LookCard';
import { ShoppingListExport } from './ShoppingListExport';
import { t } from '@/lib/i18n/translate';

export interface FittingRoomProps {
  portraits: PortraitStore;
  looks: LookStore;
  languages: LanguageStore;
  /** After the shopper chose a language (the context menu is retitled). */
  onLanguageChosen?(): void;
}

/**
 * @example render(<FittingRoom portraits={indexedDbPortraitStore()} looks={indexedDbLookStore()} languages={indexedDbLanguageStore()} />, root)
 */
export function FittingRoom({ portraits, looks: lookStore, languages, onLanguageChosen }: FittingRoomProps) {
  const language = useLanguage(languages, 'page_title_room', onLanguageChosen);
  const portrait = usePortrait(portraits);
  const looks = useLooks(lookStore);
  const deletion = usePortraitDeletion(storedOf(portrait.state)?.summary.id ?? null, lookStore, portrait.remove, () => void looks.reload());
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);

  const views = looks.state.status === 'ready' ? looks.state.looks : [];
  // Looks deleted meanwhile (here or from the popup) leave the selection.
  const selected = keepExisting(picked, new Set(views.map((v) => v.look.id)));
  const compared = selected.map((id) => views.find((v) => v.look.id === id)!);

  return (
    <div class="room">
      <header class="room-header">
        <div>
          <h1>{t('room_title')}</h1>
          <p class="muted">{t('room_privacy')}</p>
        </div>
        <LanguageSwitch language={language.language} onChoose={(l) => void language.choose(l)} />
      </header>
      <div class="room-body">
        <aside class="room-portrait" aria-label={t('room_photo_label')}>
          <PortraitPanel state={portrait.state} onChoose={(f) => void portrait.choose(f)} onDelete={() => void deletion.request()} />
          <CameraCapture onPhoto={(f) => void portrait.choose(f)} disabled={portrait.state.status === 'analysing'} />
          <DeletePortraitOffer deletion={deletion} />
        </aside>
        <main class="room-looks" data-fitroom="looks" data-state={looks.state.status} data-count={views.length}>
          {comparing && canCompare(selected) ? (
            <CompareView views={compared} onClose={() => setComparing(false)} />
          ) : (
            <>
              <div class="room-bar">
                <h2>{t('room_saved_looks')}</h2>
                <button type="button" class="button primary" data-fitroom="compare" disabled={!canCompare(selected)} onClick={() => setComparing(true)}>
                  {selected.length >= 2 ? t('room_compare_count', { count: selected.length }) : t('room_compare')}
                </button>
                <ShoppingListExport looks={views.map((v) => v.look)} />
              </div>
              <p class="muted">{t('room_pick_hint')}</p>
              {looks.state.status === 'error' && (
                <p class="error" role="alert" data-fitroom="looks-error">
                  {t('room_looks_error', { message: looks.state.error.message })}
                </p>
              )}
              {looks.state.status === 'ready' && views.length === 0 && (
                <p class="room-empty" data-fitroom="looks-empty">
                  {t('room_empty')}
                </p>
              )}
              <div class="look-grid">
                {views.map((view) => (
                  <LookCard
                    key={view.look.id}
                    view={view}
                    selected={selected.includes(view.look.id)}
                    selectionFull={selected.length >= COMPARE_MAX}
                    onToggleSelected={() => setPicked(toggleCompare(selected, view.look.id))}
                    onDelete={() => void looks.remove(view.look.id)}
                  />
                ))}
              </div>
            </>
          )}
        </main>
      </div>
    </div>
  );
}
