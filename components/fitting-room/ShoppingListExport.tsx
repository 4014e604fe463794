/** Downloads the saved looks as a shopping list, in plain text or CSV. Made in the page; nothing is uploaded. */
import type { Look } from '@/lib/looks/look';
import { downloadBlob, shoppingListFileName } from '@/lib/looks/share-files';
import { shoppingListCsv, shoppingListText } from '@/lib/looks/shopping-list';
import { languageTag, t } from '@/lib/i18n/translate';

/** A byte order mark first, so spreadsheet programs read the CSV as UTF-8 (titles in Chinese, prices in €). */
const UTF8_BOM = '\uFEFF';

/**
 * @example <ShoppingListExport looks={looks} />
 */
export function ShoppingListExport({ looks }: { looks: Look[] }) {
  const locale = languageTag();
  const none = looks.length === 0;
  return (
    <div class="export" data-fitroom="export">
      <button
        type="button"
        class="button secondary"
        data-fitroom="export-text"
        disabled={none}
        onClick={() => downloadBlob(new Blob([shoppingListText(looks, locale)], { type: 'text/plain;charset=utf-8' }), shoppingListFileName('txt', Date.now()))}
      >
        {t('export_text')}
      </button>
      <button
        type="button"
        class="button secondary"
        data-fitroom="export-csv"
        disabled={none}
        onClick={() => downloadBlob(new Blob([UTF8_BOM + shoppingListCsv(looks, locale)], { type: 'text/csv;charset=utf-8' }), shoppingListFileName('csv', Date.now()))}
      >
        {t('export_csv')}
      </button>
    </div>
  );
}
