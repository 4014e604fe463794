/** The popup's layout: the portrait panel, the privacy promise, and the profile slot. */
import { PortraitPanel } from '@/components/popup/PortraitPanel';
import { PrivacyNote } from '@/components/popup/PrivacyNote';
import { ProfileForm } from '@/components/popup/ProfileForm';
import { ProfileSlot } from '@/components/popup/ProfileSlot';
import { usePortrait } from '@/lib/popup/use-portrait';
import { useProfile } from '@/lib/popup/use-profile';
import { indexedDbPortraitStore, indexedDbProfileStore } from '@/lib/storage';

const store = indexedDbPortraitStore();
const profiles = indexedDbProfileStore();

export function App() {
  const { state, choose, remove } = usePortrait(store);
  const profile = useProfile(profiles);
  return (
    <main>
      <header>
        <h1>Fitroom</h1>
        <p class="muted">Try clothes from any store on your own photo. Use the Try on button on a product photo, or right-click an image.</p>
      </header>
      <PortraitPanel state={state} onChoose={(f) => void choose(f)} onDelete={() => void remove()} />
      <PrivacyNote />
      <ProfileSlot>
        <ProfileForm profile={profile.profile} status={profile.status} onSave={(p) => void profile.save(p)} />
      </ProfileSlot>
    </main>
  );
}
