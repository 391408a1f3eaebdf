import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { load } from 'js-yaml';
import { FONT_FILES, fontPath, type FontName } from '../../electron/core/exports/fonts';

/**
 * What packaging will do, checked without packaging (no Electron binary can be downloaded on the
 * build machines): electron-builder.yml is valid for this electron-builder, flips the fuses, names
 * icon files that exist at the right sizes, and ships the fonts the exports embed where the
 * exporter looks for them.
 */
const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

interface ExtraResource {
  from: string;
  to: string;
  filter?: string[];
}
interface BuilderConfig {
  directories: { buildResources: string; output: string };
  files: string[];
  electronFuses: Record<string, boolean>;
  extraResources: ExtraResource[];
  linux: { icon: string };
  mac: { icon: string };
  win: { icon: string };
}
const config = load(text) as BuilderConfig;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG signature').toBe(true);
  expect(data.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(load(text), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the Electron fuses in the packaged binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('takes its build resources from resources/, which exists', () => {
    expect(config.directories.buildResources).toBe('resources');
    expect(statSync(join(root, 'resources')).isDirectory()).toBe(true);
    expect(existsSync(join(root, 'resources', 'icon.svg'))).toBe(true);
  });

  it('names a Linux icon set of square PNGs, 16 to 1024 px, each of the size its name says', () => {
    const dir = join(root, config.linux.icon);
    const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
    for (const n of sizes) {
      expect(pngSize(readFileSync(join(dir, `${n}x${n}.png`))), `${n}x${n}.png`).toEqual({ width: n, height: n });
    }
    expect(pngSize(readFileSync(join(root, 'resources', 'icon.png')))).toEqual({ width: 512, height: 512 });
  });

  it('names a Windows .ico holding 16 to 256 px images', () => {
    const ico = readFileSync(join(root, config.win.icon));
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256); // 0 means 256
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('names a macOS .icns up to 1024 px', () => {
    const icns = readFileSync(join(root, config.mac.icon));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString('latin1', at, at + 4));
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10'])); // 128, 256, 512, 1024 (512@2x)
  });

  it('ships the tray icons, normal and due-soon, for light and dark panels at 16/32 px and @2x', () => {
    const tray = config.extraResources.find((r) => r.to === 'tray');
    expect(tray?.from).toBe('resources/tray');
    const dir = join(root, 'resources', 'tray');
    for (const name of ['tray', 'tray-due']) {
      for (const panel of ['light', 'dark']) {
        for (const [suffix, px] of [['', 16], ['@2x', 32], ['-32', 32], ['-32@2x', 64]] as const) {
          const file = `${name}-${panel}${suffix}.png`;
          expect(pngSize(readFileSync(join(dir, file))), file).toEqual({ width: px, height: px });
        }
      }
      expect(pngSize(readFileSync(join(dir, `${name}Template.png`)))).toEqual({ width: 16, height: 16 });
      expect(pngSize(readFileSync(join(dir, `${name}Template@2x.png`)))).toEqual({ width: 32, height: 32 });
    }
  });

  it('ships exactly the fonts the exports embed into <resources>/fonts, with their licence, and not twice', () => {
    const fonts = config.extraResources.find((r) => r.to === 'fonts');
    expect(fonts?.from).toBe('node_modules/dejavu-fonts-ttf/ttf');
    expect([...(fonts?.filter ?? [])].sort()).toEqual(Object.values(FONT_FILES).sort());
    for (const file of Object.values(FONT_FILES)) expect(existsSync(join(root, fonts!.from, file)), file).toBe(true);
    const licence = config.extraResources.find((r) => r.to === 'fonts/LICENSE');
    expect(existsSync(join(root, licence!.from))).toBe(true);
    expect(config.files).toContain('!node_modules/dejavu-fonts-ttf/**');
  });
});

describe('the exporter finds its fonts', () => {
  it('in node_modules when not packaged (development, web host)', () => {
    for (const name of Object.keys(FONT_FILES) as FontName[]) {
      const p = fontPath(name, null);
      expect(p).toContain(join('node_modules', 'dejavu-fonts-ttf', 'ttf'));
      expect(basename(p)).toBe(FONT_FILES[name]);
      expect(existsSync(p)).toBe(true);
    }
  });

  it('in <resources>/fonts when packaged, where extraResources put them', () => {
    const resources = mkdtempSync(join(tmpdir(), 'privacyops-resources-'));
    try {
      mkdirSync(join(resources, 'fonts'));
      for (const file of Object.values(FONT_FILES)) writeFileSync(join(resources, 'fonts', file), readFileSync(fontPath('body', null)));
      for (const name of Object.keys(FONT_FILES) as FontName[]) {
        expect(fontPath(name, join(resources, 'fonts'))).toBe(join(resources, 'fonts', FONT_FILES[name]));
      }
    } finally {
      rmSync(resources, { recursive: true, force: true });
    }
  });
});
