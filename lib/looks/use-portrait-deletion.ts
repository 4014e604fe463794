/**
 * Deleting the portrait when looks were made from it: the shopper is asked whether those
 * looks go too (they show the shopper's body, as the portrait does), or stay. Without
 * such looks the portrait is deleted at once, as before. Used by the popup and the
 * fitting room.
 */
import { useState } from 'preact/hooks';
import type { LookStore } from '../storage';

export interface PortraitDeletion {
  /** How many looks were made from the portrait, while the shopper is asked; null otherwise. */
  offer: { count: number } | null;
  /** The Delete button: deletes at once, or asks when looks were made from the portrait. */
  request(): Promise<void>;
  /** The answer: delete the portrait, and its looks too if `withLooks`. */
  confirm(withLooks: boolean): Promise<void>;
  cancel(): void;
}

/**
 * @example
 *   const deletion = usePortraitDeletion(storedOf(state)?.summary.id ?? null, looks, remove);
 *   <PortraitPanel … onDelete={() => void deletion.request()} />
 */
export function usePortraitDeletion(portraitId: string | null, looks: Pick<LookStore, 'countByPortrait' | 'deleteByPortrait'>, removePortrait: () => Promise<void>, onDeleted?: () => void): PortraitDeletion {
  const [offer, setOffer] = useState<{ count: number } | null>(null);
  const finish = async (withLooks: boolean) => {
    if (withLooks && portraitId) await looks.deleteByPortrait(portraitId);
    await removePortrait();
    setOffer(null);
    onDeleted?.();
  };
  return {
    offer,
    async request() {
      const count = portraitId ? await looks.countByPortrait(portraitId) : 0;
      if (count === 0) await finish(false);
      else setOffer({ count });
    },
    confirm: finish,
    cancel: () => setOffer(null),
  };
}
