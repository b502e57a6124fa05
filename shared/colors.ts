/** DingTalk sends label-group colours as signed 32-bit ARGB integers: -15220075 → "#17C295". */
export function argbToHex(argb: number): string {
  const rgb = (argb >>> 0) & 0xffffff;
  return `#${rgb.toString(16).toUpperCase().padStart(6, '0')}`;
}
