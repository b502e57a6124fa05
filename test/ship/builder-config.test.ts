// The installers' configuration (electron-builder.mjs), checked where Electron cannot be downloaded:
// electron-builder's own schema validation, the targets and languages the release promises, a real
// icon set, the entitlements, and signing/notarisation only when their environment variables are set.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const require = createRequire(join(ROOT, 'package.json'));

interface Config {
  appId: string;
  productName: string;
  electronVersion: string;
  electronLanguages: string[];
  directories: { app: string };
  publish: unknown;
  win: { target: unknown; icon: string };
  nsis: { installerLanguages: string[] };
  mac: { target: unknown; hardenedRuntime: boolean; icon: string; entitlements: string; notarize: boolean };
  linux: { target: Array<{ target: string }>; icon: string };
}
const { default: config, builderConfig } = (await import(join(ROOT, 'electron-builder.mjs'))) as {
  default: Config;
  builderConfig(env: NodeJS.ProcessEnv): Config;
};

/** PNG width and height from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, log: unknown): Promise<void>;
    };
    const log = { isEnabled: false, add: () => {} };
    await expect(validateConfiguration(config, log)).resolves.toBeUndefined();
    // And it would notice a mistake.
    await expect(validateConfiguration({ ...config, nsis: { bogus: true } }, log)).rejects.toThrow(/Invalid/);
  });

  it('builds NSIS x64 + arm64, a universal hardened dmg, AppImage + deb, in English and Chinese', () => {
    expect(config.appId).toBe('io.dtload.app');
    expect(config.productName).toBe('dtload');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis.installerLanguages).toEqual(['en_US', 'zh_CN']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.electronLanguages).toEqual(expect.arrayContaining(['en-US', 'zh-CN']));
    expect(config.publish).toEqual([{ provider: 'github', releaseType: 'release' }]);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    expect(config.electronVersion).toBe(lock.packages['node_modules/electron'].version);
  });

  it('packages the built app: out/ with its manifest, main, preload and pages', () => {
    expect(config.directories.app).toBe('out');
    if (!existsSync(join(ROOT, 'out', 'package.json'))) throw new Error('run `npm run build` first');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'out', 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'dtload',
      productName: 'dtload',
      type: 'module',
      main: 'main/index.js',
    });
    for (const f of ['main/index.js', 'preload/index.cjs', 'renderer/index.html'])
      expect(existsSync(join(ROOT, 'out', f)), f).toBe(true);
  });

  it('has a real icon set: PNGs 16…1024, a multi-size .ico and an .icns', () => {
    for (const s of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(pngSize(join(ROOT, config.linux.icon, `${s}x${s}.png`))).toEqual([s, s]);
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // icon resource
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(6); // images in it
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('hardened runtime entitlements allow the JIT and network client only', () => {
    const plist = readFileSync(join(ROOT, config.mac.entitlements), 'utf8');
    expect(plist).toMatch(/com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
    expect(plist).toMatch(/com\.apple\.security\.network\.client/);
    expect(plist).not.toMatch(/network\.server|disable-library-validation/);
  });

  it('signs and notarises only when the credentials are in the environment', () => {
    expect(builderConfig({}).mac).toMatchObject({ identity: null, notarize: false });
    expect(builderConfig({ CSC_LINK: 'cert.p12' }).mac).toMatchObject({
      identity: undefined,
      notarize: false,
    });
    const apple = { APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' };
    expect(builderConfig({ CSC_LINK: 'cert.p12', ...apple }).mac.notarize).toBe(true);
    expect(builderConfig(apple).mac.notarize).toBe(false);
  });
});
