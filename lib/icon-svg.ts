/**
 * The extension's icon, drawn: a white coat hanger (the Try on button's) with a mint bar,
 * on the overlay's near-black, in a rounded square. Small sizes get thicker lines so the
 * hanger still reads at 16 px. scripts/icons.ts renders it to public/icon/<size>.png.
 */

/** The icon sizes Chrome uses: the toolbar (16, 32), the extensions page (48) and the store (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

const INK = '#16161a';
const MINT = '#35e0a1';

/**
 * The icon as SVG at `size` pixels.
 * @example iconSvg(16) // '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" …'
 */
export function iconSvg(size: number): string {
  if (!Number.isInteger(size) || size < 8 || size > 1024) throw new Error(`Expected an icon size in whole pixels from 8 to 1024 but received ${size}`);
  // Line width in the 24-unit drawing: about 1.5 px at 16 px, 8 px at 128 px.
  const stroke = size <= 16 ? 3 : size <= 32 ? 2.6 : 2.2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect width="128" height="128" rx="28" fill="${INK}"/>
  <g transform="translate(14 19) scale(4.1667)" fill="none" stroke-linecap="round" stroke-linejoin="round" stroke-width="${stroke}">
    <path d="M10 5.5a2 2 0 1 1 2 2v1.5" stroke="#fff"/>
    <path d="M12 9 3 15.5c-.9.7-.4 2 .7 2h16.6c1.1 0 1.6-1.3.7-2L12 9Z" stroke="#fff"/>
    <path d="M4.2 17.5h15.6" stroke="${MINT}"/>
  </g>
</svg>
`;
}
