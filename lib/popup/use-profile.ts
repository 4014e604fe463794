/**
 * The popup's profile logic as a Preact hook: loads the stored profile, and saves
 * a checked one.
 */
import { useEffect, useState } from 'preact/hooks';
import { toErrorInfo, type ErrorInfo } from '../error-info';
import { checkProfile, EMPTY_PROFILE, type ShopperProfile } from '../size/profile';
import type { ProfileStore } from '../storage';

export type ProfileStatus = { state: 'loading' } | { state: 'editing' } | { state: 'saved' } | { state: 'error'; error: ErrorInfo };

export interface ProfileControls {
  profile: ShopperProfile;
  status: ProfileStatus;
  save(profile: ShopperProfile): Promise<void>;
}

/**
 * @example const { profile, status, save } = useProfile(indexedDbProfileStore());
 */
export function useProfile(store: ProfileStore): ProfileControls {
  const [profile, setProfile] = useState<ShopperProfile>(EMPTY_PROFILE);
  const [status, setStatus] = useState<ProfileStatus>({ state: 'loading' });
  useEffect(() => {
    store.load().then(
      (p) => { if (p) setProfile(p); setStatus({ state: 'editing' }); },
      (e) => setStatus({ state: 'error', error: toErrorInfo(e) }),
    );
  }, []);
  return {
    profile,
    status,
    async save(next) {
      try {
        const checked = checkProfile(next);
        await store.save(checked);
        setProfile(checked);
        setStatus({ state: 'saved' });
      } catch (e) {
        setStatus({ state: 'error', error: toErrorInfo(e) });
      }
    },
  };
}
