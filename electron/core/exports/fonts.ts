import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The DejaVu fonts embedded in every PDF (full Latin, French accents, « », typographic quotes,
 * no-break spaces). Resolved through node_modules/dejavu-fonts-ttf so packaging ships them with
 * the dependency instead of a copied file.
 */
function font(file: string): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

export const FONTS = {
  body: () => font('DejaVuSansCondensed.ttf'),
  bold: () => font('DejaVuSansCondensed-Bold.ttf'),
  italic: () => font('DejaVuSansCondensed-Oblique.ttf'),
  title: () => font('DejaVuSans-Bold.ttf'),
  mono: () => font('DejaVuSansMono.ttf'),
} as const;

export type FontName = keyof typeof FONTS;
