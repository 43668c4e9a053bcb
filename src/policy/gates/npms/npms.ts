import { feedGate } from '../feed-gate.js';

export const npmsGate = feedGate({
  gate: 'npms',
  description: 'NPM Checks',
  packageType: 'npm',
  feedKey: 'npm',
  label: 'NPM',
  names: { newer: 'newer_version_in_feed', notFound: 'unknown_in_feeds', badVersion: 'version_not_in_feeds', deny: 'blacklisted_name_version', denyV2: 'denylisted_name_version', unavailable: 'feed_data_unavailable' },
  descriptions: {
    newer: 'Triggers if an installed NPM is not the latest version according to NPM data feed.',
    notFound: 'Triggers if an installed NPM is not in the official NPM database, according to NPM data feed.',
    badVersion: 'Triggers if an installed NPM version is not listed in the official NPM feed as a valid version.',
    deny: 'Triggers if the evaluated image has an NPM package installed that matches the name and optionally a version specified in the parameters.',
    unavailable: 'Triggers if the engine does not have access to the NPM data feed.',
  },
  notLatestPrefix: 'NPMNOTLATEST ',
  denyPrefix: 'NPM Package is blacklisted: ',
  unavailableMessage: 'NPM packages are present but the anchore npm feed is not available - will be unable to perform checks that require feed data',
});
