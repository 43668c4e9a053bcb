import { Registry } from '../plugin/registry.js';
import type { Cataloger } from './cataloger.js';
import { apkCataloger } from './apk/cataloger.js';
import { dpkgCataloger } from './dpkg/cataloger.js';
import { rpmCataloger } from './rpm/cataloger.js';
import { rpmManifestCataloger } from './rpm/manifest.js';
import { npmInstalledCataloger, npmLockfileCataloger } from './npm/catalogers.js';
import { pythonInstalledCataloger } from './python/cataloger.js';
import { javaArchiveCataloger } from './java/cataloger.js';
import { goBinaryCataloger } from './golang/cataloger.js';
import { rubyGemspecCataloger } from './ruby/gemspec.js';
import { phpComposerInstalledCataloger } from './php/composer-installed.js';
import { rustAuditableCataloger } from './rust/cataloger.js';
import { dotnetDepsJsonCataloger } from './dotnet/deps-json.js';

/** Every cataloger, in run order. One line per cataloger; nothing registers itself. */
export const CATALOGERS: readonly Cataloger[] = [
  apkCataloger,
  dpkgCataloger,
  rpmCataloger,
  rpmManifestCataloger,
  npmInstalledCataloger,
  npmLockfileCataloger,
  pythonInstalledCataloger,
  javaArchiveCataloger,
  goBinaryCataloger,
  rubyGemspecCataloger,
  phpComposerInstalledCataloger,
  rustAuditableCataloger,
  dotnetDepsJsonCataloger,
];

export const catalogerRegistry = new Registry<Cataloger>('cataloger', CATALOGERS);
