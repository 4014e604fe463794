/**
 * The shopper's profile form: height (needed for size advice from the photo),
 * usual size (a tie-break and a cross-check in the size advice), fit preference and
 * tape measurements, in cm or inches. Kept on this device, next to the portrait.
 */
import { useEffect, useState } from 'preact/hooks';
import { lengthFromInput, lengthToInput, TAPE_NAMES, type ShopperProfile, type TapeName } from '@/lib/size/profile';
import type { ProfileStatus } from '@/lib/popup/use-profile';
import type { MessageKey } from '@/lib/i18n/catalogues';
import { t } from '@/lib/i18n/translate';

export interface ProfileFormProps {
  profile: ShopperProfile;
  status: ProfileStatus;
  onSave(profile: ShopperProfile): void;
}

const TAPE_LABELS: Record<TapeName, MessageKey> = { chest: 'tape_chest', waist: 'tape_waist', hips: 'tape_hips', shoulder: 'tape_shoulder', sleeve: 'tape_sleeve' };
type Fields = Record<'height' | 'usualSize' | TapeName, string>;

function fieldsOf(p: ShopperProfile): Fields {
  const f = { height: lengthToInput(p.heightCm, p.unit), usualSize: p.usualSize ?? '' } as Fields;
  for (const n of TAPE_NAMES) f[n] = lengthToInput(p.tape[n], p.unit);
  return f;
}

/**
 * @example <ProfileForm profile={profile} status={status} onSave={save} />
 */
export function ProfileForm({ profile, status, onSave }: ProfileFormProps) {
  const [unit, setUnit] = useState(profile.unit);
  const [fit, setFit] = useState(profile.fit);
  const [fields, setFields] = useState<Fields>(fieldsOf(profile));
  // The stored profile arrives after the first render.
  useEffect(() => {
    setUnit(profile.unit);
    setFit(profile.fit);
    setFields(fieldsOf(profile));
  }, [profile]);

  const set = (k: keyof Fields) => (e: Event) => setFields({ ...fields, [k]: (e.currentTarget as HTMLInputElement).value });
  const switchUnit = (next: 'cm' | 'in') => {
    // Keep what was typed: convert the lengths to the new unit.
    const conv = (t: string) => lengthToInput(lengthFromInput(t, unit), next);
    const f = { ...fields, height: conv(fields.height) };
    for (const n of TAPE_NAMES) f[n] = conv(fields[n]);
    setFields(f);
    setUnit(next);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const tape: ShopperProfile['tape'] = {};
    for (const n of TAPE_NAMES) {
      const v = lengthFromInput(fields[n], unit);
      if (v !== undefined) tape[n] = v;
    }
    onSave({ heightCm: lengthFromInput(fields.height, unit), usualSize: fields.usualSize, fit, tape, unit });
  };
  const u = unit === 'cm' ? 'cm' : 'in';
  return (
    <form class="profile-form" data-fitroom="profile-form" onSubmit={submit}>
      <div class="profile-units" role="group" aria-label={t('profile_units')}>
        {(['cm', 'in'] as const).map((x) => (
          <label key={x}>
            <input type="radio" name="unit" value={x} checked={unit === x} data-fitroom={`profile-unit-${x}`} onChange={() => switchUnit(x)} /> {x === 'cm' ? t('unit_cm') : t('unit_inches')}
          </label>
        ))}
      </div>
      <label class="profile-field">
        {t('profile_height', { unit: u })} <span class="muted">{t('profile_height_hint')}</span>
        <input inputMode="decimal" data-fitroom="profile-height" value={fields.height} onInput={set('height')} />
      </label>
      <label class="profile-field">
        {t('profile_usual_size')} <span class="muted">{t('profile_usual_size_hint')}</span>
        <input data-fitroom="profile-usual-size" value={fields.usualSize} onInput={set('usualSize')} />
      </label>
      <label class="profile-field">
        {t('profile_fit')}
        <select data-fitroom="profile-fit" value={fit} onChange={(e) => setFit((e.currentTarget as HTMLSelectElement).value as ShopperProfile['fit'])}>
          <option value="snug">{t('profile_fit_snug')}</option>
          <option value="regular">{t('profile_fit_regular')}</option>
          <option value="loose">{t('profile_fit_loose')}</option>
        </select>
      </label>
      <fieldset class="profile-tape">
        <legend>{t('profile_tape', { unit: u })}</legend>
        {TAPE_NAMES.map((n) => (
          <label class="profile-field" key={n}>
            {t(TAPE_LABELS[n])}
            <input inputMode="decimal" data-fitroom={`profile-${n}`} value={fields[n]} onInput={set(n)} />
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary" data-fitroom="profile-save">{t('profile_save')}</button>
        <span data-fitroom="profile-status" data-state={status.state} aria-live="polite">
          {status.state === 'saved' && t('profile_saved')}
          {status.state === 'error' && <span class="error-inline" title={status.error.message}>{t('profile_error', { message: status.error.message })}</span>}
        </span>
      </div>
    </form>
  );
}
