/**
 * English / 中文 in the fitting room: the choice holds for every Fitroom page (popup,
 * overlay, this one) over the browser's language. Each language is named in itself.
 */
import type { Language } from '@/lib/i18n/catalogues';
import { t } from '@/lib/i18n/translate';

/** Each language's own name for itself: a reader of either finds theirs. */
const NAMES: Record<Language, string> = { en: 'English', zh_CN: '中文' };

export interface LanguageSwitchProps {
  language: Language;
  onChoose(language: Language): void;
}

/**
 * @example <LanguageSwitch language="zh_CN" onChoose={(l) => void choose(l)} />
 */
export function LanguageSwitch({ language, onChoose }: LanguageSwitchProps) {
  return (
    <div class="language-switch" role="group" aria-label={t('room_language')} data-fitroom="language-switch" data-language={language}>
      {(Object.keys(NAMES) as Language[]).map((l) => (
        <button
          type="button"
          key={l}
          lang={l === 'zh_CN' ? 'zh-CN' : 'en'}
          class={`button ${l === language ? 'primary' : 'secondary'}`}
          data-fitroom="language-option"
          data-language={l}
          aria-pressed={l === language}
          onClick={() => {
            if (l !== language) onChoose(l);
          }}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
