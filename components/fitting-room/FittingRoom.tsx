/**
 * The fitting room, a full extension page: the shopper's portrait (chosen, or taken with
 * the camera) on one side, the saved looks as a grid on the other; two to four looks
 * compared side by side; each look's picture copied or downloaded, its product page
 * opened, the look deleted; the looks downloaded as a shopping list. It is not
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
import type { LookStore, PortraitStore } from '@/lib/storage';
import { CameraCapture } from './CameraCapture';
import { CompareView } from './CompareView';
import { LookCard } from './LookCard';
import { ShoppingListExport } from './ShoppingListExport';

export interface FittingRoomProps {
  portraits: PortraitStore;
  looks: LookStore;
}

/**
 * @example render(<FittingRoom portraits={indexedDbPortraitStore()} looks={indexedDbLookStore()} />, root)
 */
export function FittingRoom({ portraits, looks: lookStore }: FittingRoomProps) {
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
        <h1>Your fitting room</h1>
        <p class="muted">Your photo and your saved looks stay in this browser. Nothing is uploaded.</p>
      </header>
      <div class="room-body">
        <aside class="room-portrait" aria-label="Your photo">
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
                <h2>Saved looks</h2>
                <button type="button" class="button primary" data-fitroom="compare" disabled={!canCompare(selected)} onClick={() => setComparing(true)}>
                  {selected.length >= 2 ? `Compare ${selected.length} looks` : 'Compare looks'}
                </button>
                <ShoppingListExport looks={views.map((v) => v.look)} />
              </div>
              <p class="muted">Pick two to four looks to see them side by side.</p>
              {looks.state.status === 'error' && (
                <p class="error" role="alert" data-fitroom="looks-error">
                  The saved looks could not be read: {looks.state.error.message}
                </p>
              )}
              {looks.state.status === 'ready' && views.length === 0 && (
                <p class="room-empty" data-fitroom="looks-empty">
                  No saved looks yet. Try a garment on in a store, then choose Save look.
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
