/** The popup's layout: the portrait panel, the privacy promise, the profile slot, and the way to the fitting room. */
import { DeletePortraitOffer } from '@/components/looks/DeletePortraitOffer';
import { FittingRoomLink } from '@/components/looks/FittingRoomLink';
import { PortraitPanel } from '@/components/popup/PortraitPanel';
import { PrivacyNote } from '@/components/popup/PrivacyNote';
import { ProfileForm } from '@/components/popup/ProfileForm';
import { ProfileSlot } from '@/components/popup/ProfileSlot';
import { usePortraitDeletion } from '@/lib/looks/use-portrait-deletion';
import { storedOf } from '@/lib/popup/portrait-state';
import { usePortrait } from '@/lib/popup/use-portrait';
import { useProfile } from '@/lib/popup/use-profile';
import { indexedDbLookStore, indexedDbPortraitStore, indexedDbProfileStore } from '@/lib/storage';
import { t } from '@/lib/i18n/translate';

const store = indexedDbPortraitStore();
const profiles = indexedDbProfileStore();
const looks = indexedDbLookStore();

export function App() {
  const { state, choose, remove } = usePortrait(store);
  const profile = useProfile(profiles);
  // Deleting the photo offers to delete the looks made from it.
  const deletion = usePortraitDeletion(storedOf(state)?.summary.id ?? null, looks, remove);
  return (
    <main>
      <header>
        <h1>Fitroom</h1>
        <p class="muted">{t('popup_intro')}</p>
      </header>
      <PortraitPanel state={state} onChoose={(f) => void choose(f)} onDelete={() => void deletion.request()} />
      <DeletePortraitOffer deletion={deletion} />
      <FittingRoomLink />
      <PrivacyNote />
      <ProfileSlot>
        <ProfileForm profile={profile.profile} status={profile.status} onSave={(p) => void profile.save(p)} />
      </ProfileSlot>
    </main>
  );
}
