/** The popup's layout: the portrait panel, the privacy promise, and the profile slot. */
import { PortraitPanel } from '@/components/popup/PortraitPanel';
import { PrivacyNote } from '@/components/popup/PrivacyNote';
import { ProfileSlot } from '@/components/popup/ProfileSlot';
import { usePortrait } from '@/lib/popup/use-portrait';
import { indexedDbPortraitStore } from '@/lib/storage';

const store = indexedDbPortraitStore();

export function App() {
  const { state, choose, remove } = usePortrait(store);
  return (
    <main>
      <header>
        <h1>Fitroom</h1>
        <p class="muted">Try clothes from any store on your own photo. Use the Try on button on a product photo, or right-click an image.</p>
      </header>
      <PortraitPanel state={state} onChoose={(f) => void choose(f)} onDelete={() => void remove()} />
      <PrivacyNote />
      <ProfileSlot />
    </main>
  );
}
