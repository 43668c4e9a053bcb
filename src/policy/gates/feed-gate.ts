import type { Package } from '../../model/index.js';
import type { PackageFeed } from '../context.js';
import type { Gate, TriggerRun } from '../gate.js';

/**
 * The ruby_gems and npms gates are the same shape: feed checks against the official registry's data, and a
 * name/version deny list. Portcullis has no gem or npm feed of its own; a scan may put one in `ctx.feeds`.
 * Without it the feed triggers cannot fire (an evaluation problem says so) and `feed_data_unavailable` fires.
 */
export interface FeedGateSpec {
  gate: string;
  description: string;
  packageType: 'gem' | 'npm';
  feedKey: 'gem' | 'npm';
  label: string; // 'GEM' | 'NPM'
  names: { newer: string; notFound: string; badVersion: string; deny: string; denyV2: string; unavailable: string };
  descriptions: { newer: string; notFound: string; badVersion: string; deny: string; unavailable: string };
  unavailableMessage: string;
}

export function feedGate(spec: FeedGateSpec): Gate {
  const pkgs = (run: TriggerRun): Package[] => run.ctx.packages.filter((p) => p.type === spec.packageType);
  const feed = (run: TriggerRun): PackageFeed | undefined => {
    const f = run.ctx.feeds?.[spec.feedKey];
    if (!f) run.problem({ problem_type: 'feed_unavailable', details: `no ${spec.label.toLowerCase()} feed data is available; the trigger cannot fire` });
    return f;
  };
  const P = spec.label;
  return {
    name: spec.gate,
    description: spec.description,
    triggers: [
      {
        name: spec.names.newer,
        description: spec.descriptions.newer,
        params: [],
        evaluate: (run) => {
          const f = feed(run);
          if (!f) return [];
          return pkgs(run).flatMap((p) => {
            const latest = f.latest(p.name);
            return latest !== undefined && latest !== p.version ? [{ message: `${P}NOTLATEST Package (${p.name}) version (${p.version}) installed but is not the latest version (${latest})` }] : [];
          });
        },
      },
      {
        name: spec.names.notFound,
        description: spec.descriptions.notFound,
        params: [],
        evaluate: (run) => {
          const f = feed(run);
          if (!f) return [];
          return pkgs(run).flatMap((p) => (f.versions(p.name) === undefined ? [{ message: `${P}NOTOFFICIAL Package (${p.name}) in container but not in official ${P} feed.` }] : []));
        },
      },
      {
        name: spec.names.badVersion,
        description: spec.descriptions.badVersion,
        params: [],
        evaluate: (run) => {
          const f = feed(run);
          if (!f) return [];
          return pkgs(run).flatMap((p) => {
            const versions = f.versions(p.name);
            return versions !== undefined && !versions.includes(p.version)
              ? [{ message: `${P}BADVERSION Package (${p.name}) version (${p.version}) installed but version is not in the official feed for this package (${versions.join(',')})` }]
              : [];
          });
        },
      },
      {
        name: spec.names.deny,
        aliases: [spec.names.denyV2],
        description: spec.descriptions.deny,
        params: [
          { name: 'name', description: `${P} package name to blacklist.`, type: 'string', required: true, example: 'time_diff' },
          { name: 'version', description: `${P} package version to blacklist specifically.`, type: 'string', required: false, example: '0.2.9' },
        ],
        evaluate: (run) => {
          const name = run.params.name as string;
          const version = run.params.version as string | undefined;
          return pkgs(run)
            .filter((p) => p.name === name && (version === undefined || p.version === version))
            .map((p) => ({ message: version ? `${P}PKGFULLMATCH Package is blacklisted: ${p.name}-${p.version}` : `${P}PKGNAMEMATCH Package is blacklisted: ${p.name}` }));
        },
      },
      {
        name: spec.names.unavailable,
        description: spec.descriptions.unavailable,
        params: [],
        evaluate: (run) => (run.ctx.feeds?.[spec.feedKey] || pkgs(run).length === 0 ? [] : [{ message: spec.unavailableMessage }]),
      },
    ],
  };
}
