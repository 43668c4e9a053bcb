import { isOsPackageType } from '../../../match/target.js';
import type { Gate } from '../../gate.js';
import type { PolicyContext } from '../../context.js';
import { compareForPackageType } from '../../../version/list.js';
import type { PackageType } from '../../../model/index.js';

/** Every package type, for `catalog_incomplete`'s `package_types` (exhaustive: a new type must be listed here). */
const PACKAGE_TYPES: Readonly<Record<PackageType, true>> = {
  apk: true,
  deb: true,
  rpm: true,
  npm: true,
  python: true,
  'java-archive': true,
  'go-module': true,
  gem: true,
  'php-composer': true,
  'rust-crate': true,
  dotnet: true,
};


function osPackages(ctx: PolicyContext) {
  return ctx.packages.filter((p) => isOsPackageType(p.type));
}

function compare(ctx: PolicyContext, type: string, a: string, b: string): number {
  return (ctx.compareVersions ?? compareForPackageType)(type, a, b);
}

/** A package's file list as the cataloger records it (`metadata.files`: paths, or objects with a `path`). */
function packageFiles(meta: Record<string, unknown> | undefined): string[] | undefined {
  const files = meta?.files;
  if (!Array.isArray(files)) return undefined;
  return files.flatMap((f) => (typeof f === 'string' ? [f] : typeof f === 'object' && f !== null && typeof (f as { path?: unknown }).path === 'string' ? [(f as { path: string }).path] : []));
}

/**
 * The version without its release, as Anchore's `version` column holds it for rpm (`1.0.2k` of `1:1.0.2k-19.el7`)
 * and apk (`1.2.3` of `1.2.3-r0`); a deb version is kept whole (Anchore's deb release is "N/A").
 */
function versionWithoutRelease(type: PackageType, version: string): string | undefined {
  if (type !== 'rpm' && type !== 'apk') return undefined;
  const dash = version.lastIndexOf('-');
  const noRelease = dash > 0 ? version.slice(0, dash) : version;
  return type === 'rpm' ? noRelease.replace(/^\d+:/, '') : noRelease;
}

export const packagesGate: Gate = {
  name: 'packages',
  description: 'Distro package checks',
  triggers: [
    {
      name: 'required_package',
      description: 'Triggers if the specified package and optionally a specific version is not found in the image.',
      params: [
        { name: 'name', description: 'Name of package that must be found installed in image.', type: 'string', required: true, example: 'libssl' },
        { name: 'version', description: 'Optional version of package for exact version match.', type: 'string', required: false, example: '1.10.3rc3' },
        { name: 'version_match_type', description: 'The type of comparison to use for version if a version is provided.', type: 'enum', required: false, allowed: ['exact', 'minimum'], default: 'exact', example: 'exact' },
      ],
      evaluate: ({ ctx, params }) => {
        const name = params.name as string;
        const version = params.version as string | undefined;
        // Every package, as Anchore's loader (engine/loaders.py) puts language packages in the same table.
        const found = ctx.packages.filter((p) => p.name === name);
        if (found.length === 0) return [{ message: `Required input package (${name}${version ? `,${version}` : ''}) is not present in container image` }];
        if (!version) return [];
        if (params.version_match_type === 'minimum') {
          return found.some((p) => compare(ctx, p.type, p.version, version) >= 0)
            ? []
            : found.map((p) => ({ message: `Required min-version input package (${name}) is present (${p.version}), but is lower version than what is specified in policy (${version})` }));
        }
        if (found.some((p) => p.version === version)) return [];
        // Anchore's message repeats the package name where the version belongs; kept so trigger ids match.
        return found.map((p) => ({ message: `Required input package (${name}) is present (${p.version}), but not at the version specified in policy (${name})` }));
      },
    },
    {
      name: 'verify',
      description:
        'Check package integrity against package db in the image. Triggers for changes or removal or content in all or the selected "dirs" parameter if provided, and can filter type of check with the "check_only" parameter.',
      params: [
        { name: 'only_packages', description: 'List of package names to limit verification.', type: 'string-list', required: false, example: 'libssl,openssl' },
        { name: 'only_directories', description: 'List of directories to limit checks so as to avoid checks on all dir.', type: 'string-list', required: false, example: '/usr,/var/lib' },
        { name: 'check', description: 'Check to perform instead of all.', type: 'enum', required: false, allowed: ['changed', 'missing'], example: 'changed' },
      ],
      evaluate: ({ ctx, params, problem }) => {
        const only = params.only_packages as string[] | undefined;
        const dirs = params.only_directories as string[] | undefined;
        if (params.check !== 'missing') problem({ problem_type: 'verify_changed_unsupported', details: 'the "changed" check needs file digests from the package database, which Portcullis does not collect yet; only missing files are verified' });
        if (!ctx.files) {
          problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
          return [];
        }
        const out = [];
        let withLists = 0;
        for (const p of osPackages(ctx)) {
          if (only && !only.includes(p.name)) continue;
          const files = packageFiles(p.metadata);
          if (!files) continue;
          withLists++;
          for (const path of files) {
            if (dirs && !dirs.some((d) => path === d || path.startsWith(d.endsWith('/') ? d : `${d}/`))) continue;
            if (params.check !== 'changed' && !ctx.files.get(path)) {
              out.push({ message: `VERIFY check against package db for package '${p.name}' failed on entry '${path}' with status: 'missing'`, location: { path } });
            }
          }
        }
        if (withLists === 0) problem({ problem_type: 'verify_no_file_lists', details: 'no package in the image has a recorded file list; nothing was verified' });
        return out;
      },
    },
    {
      // A Portcullis extension (Anchore has no such trigger): the catalog Anchore's engine builds has no notion of an
      // unreadable database, so a bundle using this trigger loads only in Portcullis.
      name: 'catalog_incomplete',
      description:
        'Portcullis extension (not in Anchore): triggers once per package database the scan could not read (over the content cap, truncated or corrupt: a dpkg status, an apk or rpm database, python METADATA/RECORD, package.json or a lockfile, a gemspec, composer installed.json, a .NET deps.json, a Java archive, Go or Rust build info). Its packages are missing from the catalog, so no other trigger sees them. The trigger id is the database\'s path.',
      params: [
        {
          name: 'package_types',
          description: `Only these package types (comma-separated: ${Object.keys(PACKAGE_TYPES).join(', ')}). Default: every type.`,
          type: 'string-list',
          required: false,
          example: 'rpm,deb,apk',
          validate: (value) => {
            const bad = value.split(',').map((t) => t.trim()).filter((t) => t !== '' && !Object.hasOwn(PACKAGE_TYPES, t));
            return bad.length ? `unknown package type${bad.length > 1 ? 's' : ''} ${bad.map((t) => JSON.stringify(t)).join(', ')} (known: ${Object.keys(PACKAGE_TYPES).join(', ')})` : undefined;
          },
        },
      ],
      evaluate: ({ ctx, params, problem }) => {
        if (!ctx.catalogGaps) {
          problem({ problem_type: 'catalog_gaps_unavailable', details: 'the scan did not say which package databases it could not read; the trigger cannot fire' });
          return [];
        }
        const only = params.package_types as string[] | undefined;
        const seen = new Set<string>();
        const out = [];
        for (const u of ctx.catalogGaps) {
          if (!u.packageDatabase || (only && !only.includes(u.packageDatabase))) continue;
          const path = u.path ?? `(${u.stage})`;
          // One item per database, whatever the number of problems the cataloger found in it.
          if (seen.has(path)) continue;
          seen.add(path);
          out.push({
            message: `Package database ${path} (${u.packageDatabase}) could not be read: ${u.reason}; its packages are missing from the catalog`,
            triggerId: path,
            ...(u.path ? { location: { path: u.path } } : {}),
          });
        }
        return out;
      },
    },
    {
      name: 'blacklist',
      aliases: ['denylist'],
      description: 'Triggers if the evaluated image has a package installed that matches the named package optionally with a specific version as well.',
      params: [
        { name: 'name', description: 'Package name to blacklist.', type: 'string', required: true, example: 'openssh-server' },
        { name: 'version', description: 'Specific version of package to blacklist.', type: 'string', required: false, example: '1.0.1' },
      ],
      evaluate: ({ ctx, params }) => {
        const name = params.name as string;
        const version = params.version as string | undefined;
        // Every package, as in Anchore (a bundle's blacklist of `lodash` fires on the npm package).
        return ctx.packages.flatMap((p) => {
          if (p.name !== name) return [];
          if (version === undefined) return [{ message: `Package is blacklisted: ${p.name}` }];
          if (p.version === version) return [{ message: `Package is blacklisted: ${p.name}-${p.version}` }];
          // Anchore compares its `version` column, which for rpm and apk has no release; the message shows it.
          const upstream = versionWithoutRelease(p.type, p.version);
          return upstream === version ? [{ message: `Package is blacklisted: ${p.name}-${upstream}` }] : [];
        });
      },
    },
  ],
};
