// Label chips need a readable text colour on top of the group's colour (shared/colors.ts converts the ARGB ints).
export { argbToHex } from '../../../shared/colors';

/** Black or white, whichever reads better on the given `#RRGGBB` background (WCAG relative luminance). */
export function textOn(css: string): '#000000' | '#FFFFFF' {
  const n = Number.parseInt(css.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const lum =
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return lum > 0.4 ? '#000000' : '#FFFFFF';
}
