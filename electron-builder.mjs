// Installers (`npm run dist` for this platform; .github/workflows/release.yml for all three on a version
// tag). They package out/ alone (scripts/build.mjs bundles main's dependencies and writes out/package.json),
// so the installed app has no node_modules. Signing and notarisation happen only when their environment
// variables are set (CSC_LINK + CSC_KEY_PASSWORD; APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID or
// APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER); without them the build is unsigned.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** The exact Electron version the lock file pins (electron-builder needs it; the package may be absent). */
function electronVersion() {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  return lock.packages['node_modules/electron'].version;
}

/** @param {NodeJS.ProcessEnv} env */
export function builderConfig(env = process.env) {
  const notarise = Boolean(
    (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) ||
    (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER),
  );
  const signing = Boolean(env.CSC_LINK || env.CSC_NAME);
  return {
    appId: 'io.dtload.app',
    productName: 'dtload',
    copyright: 'Copyright © dtload',
    electronVersion: electronVersion(),
    directories: { app: 'out', output: 'dist', buildResources: 'build' },
    files: ['package.json', 'main/**', 'preload/**', 'renderer/**'],
    asar: true,
    npmRebuild: false,
    nodeGypRebuild: false,
    // The UI speaks English and Simplified Chinese: keep only those Chromium locales.
    electronLanguages: ['en', 'en-US', 'zh-CN'],
    artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
    fileAssociations: [
      { ext: 'xlsx', name: 'Excel workbook', role: 'Editor', rank: 'Alternate' },
      { ext: 'csv', name: 'CSV file', role: 'Editor', rank: 'Alternate' },
    ],
    // electron-updater reads its feed from these releases (off unless the user opts in).
    publish: [{ provider: 'github', releaseType: 'release' }],
    win: {
      target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
      icon: 'build/icon.ico',
      // Signs only when CSC_LINK (or WIN_CSC_LINK) is set.
      signAndEditExecutable: true,
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      // English and Simplified Chinese; the installer follows the system language.
      installerLanguages: ['en_US', 'zh_CN'],
      multiLanguageInstaller: true,
      displayLanguageSelector: false,
      artifactName: '${productName}-${version}-setup-${arch}.${ext}',
    },
    mac: {
      target: [{ target: 'dmg', arch: ['universal'] }],
      category: 'public.app-category.business',
      icon: 'build/icon.icns',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      // Unsigned without a certificate (no identity lookup in the keychain); notarised only with credentials.
      identity: signing ? undefined : null,
      notarize: signing && notarise,
    },
    dmg: { sign: false, artifactName: '${productName}-${version}-mac-universal.${ext}' },
    linux: {
      target: [
        { target: 'AppImage', arch: ['x64'] },
        { target: 'deb', arch: ['x64'] },
      ],
      icon: 'build/icons',
      // `dtload` on the PATH is the command-line tool (npm); the desktop app is `dtload-app`.
      executableName: 'dtload-app',
      category: 'Office',
      synopsis: 'Bulk-edit DingTalk external contacts from spreadsheets',
      maintainer: 'dtload',
    },
  };
}

export default builderConfig();
