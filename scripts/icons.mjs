// node scripts/icons.mjs: renders every icon the app and its packages need from the SVG sources,
// so packaging never has to generate anything (the outputs are committed):
//   resources/icon.svg        -> resources/icons/<N>x<N>.png (16..1024), resources/icon.png (512),
//                                resources/icon.ico (Windows), resources/icon.icns (macOS)
//   resources/tray/tray.svg,  -> resources/tray/tray[-due]-{light,dark}.png (16 px) and @2x (32),
//   resources/tray/tray-due.svg  ...-32.png (32 px) and -32@2x (64), and the macOS template images
//                                trayTemplate[.png|@2x.png], tray-dueTemplate[.png|@2x.png]
// "light"/"dark" name the panel the icon sits on: a dark glyph for a light panel, and the
// reverse. SVG -> PNG by resvg (WebAssembly, no native build); ICO/ICNS by png2icons (pure JS).
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import png2icons from 'png2icons';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const res = join(root, 'resources');
const require = createRequire(import.meta.url);

export const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Glyph colour per panel: near-black on light panels, near-white on dark ones. */
const PANELS = { light: '#1f2933', dark: '#f5f7fa' };
const DUE = { light: '#d9480f', dark: '#ffa94d' };

await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));

function render(svg, size) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, shapeRendering: 2 }).render().asPng();
  return Buffer.from(png);
}

const written = [];
function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  written.push(relative(root, path));
}

// The app icon at every size electron-builder and the desktop environments ask for.
const appSvg = readFileSync(join(res, 'icon.svg'), 'utf8');
for (const size of APP_SIZES) write(join(res, 'icons', `${size}x${size}.png`), render(appSvg, size));
write(join(res, 'icon.png'), render(appSvg, 512));
const master = render(appSvg, 1024);
const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
if (!ico || !icns) throw new Error('png2icons could not build icon.ico/icon.icns from the 1024 px render');
write(join(res, 'icon.ico'), ico);
write(join(res, 'icon.icns'), icns);

// The tray icons, normal and due-soon, per panel, at 16 and 32 px with their @2x.
const traySources = { tray: 'tray.svg', 'tray-due': 'tray-due.svg' };
for (const [name, file] of Object.entries(traySources)) {
  const src = readFileSync(join(res, 'tray', file), 'utf8');
  for (const panel of Object.keys(PANELS)) {
    const svg = src.replaceAll('GLYPH', PANELS[panel]).replaceAll('DUE', DUE[panel]);
    for (const [suffix, size] of [['', 16], ['@2x', 32], ['-32', 32], ['-32@2x', 64]]) {
      write(join(res, 'tray', `${name}-${panel}${suffix}.png`), render(svg, size));
    }
  }
  // macOS template images: black and alpha only; the system tints them for the menu bar.
  const template = src.replaceAll('GLYPH', '#000000').replaceAll('DUE', '#000000');
  write(join(res, 'tray', `${name}Template.png`), render(template, 16));
  write(join(res, 'tray', `${name}Template@2x.png`), render(template, 32));
}

process.stderr.write(`icons: wrote ${written.length} files under resources/\n`);
