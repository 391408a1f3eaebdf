import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The DejaVu fonts embedded in every PDF (full Latin, French accents, « », typographic quotes,
 * no-break spaces), from the dejavu-fonts-ttf package. A packaged app carries the five files
 * below (and the licence) in <resources>/fonts (electron-builder.yml, extraResources), outside
 * the asar archive, and the package itself is left out of it; in development and in the web host
 * they are read from node_modules.
 */
export const FONT_FILES = {
  body: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italic: 'DejaVuSansCondensed-Oblique.ttf',
  title: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

/** Electron sets process.resourcesPath (the packaged app's resources folder); plain Node does not. */
function packagedFontsDir(): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return resources ? join(resources, 'fonts') : null;
}

/** The font's path: the packaged copy when there is one, else the package in node_modules. */
export function fontPath(name: FontName, fontsDir: string | null = packagedFontsDir()): string {
  const file = FONT_FILES[name];
  if (fontsDir && existsSync(join(fontsDir, file))) return join(fontsDir, file);
  return require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

export const FONTS: Record<FontName, () => string> = {
  body: () => fontPath('body'),
  bold: () => fontPath('bold'),
  italic: () => fontPath('italic'),
  title: () => fontPath('title'),
  mono: () => fontPath('mono'),
};
