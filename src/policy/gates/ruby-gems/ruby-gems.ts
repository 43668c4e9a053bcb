import { feedGate } from '../feed-gate.js';

export const rubyGemsGate = feedGate({
  gate: 'ruby_gems',
  description: 'Ruby Gem Checks',
  packageType: 'gem',
  feedKey: 'gem',
  label: 'GEM',
  names: { newer: 'newer_version_found_in_feed', notFound: 'not_found_in_feed', badVersion: 'version_not_found_in_feed', deny: 'blacklist', denyV2: 'denylist', unavailable: 'feed_data_unavailable' },
  descriptions: {
    newer: 'Triggers if an installed GEM is not the latest version according to GEM data feed.',
    notFound: 'Triggers if an installed GEM is not in the official GEM database, according to GEM data feed.',
    badVersion: 'Triggers if an installed GEM version is not listed in the official GEM feed as a valid version.',
    deny: 'Triggers if the evaluated image has a GEM package installed that matches the specified name and version.',
    unavailable: 'Triggers if anchore does not have access to the GEM data feed.',
  },
  notLatestPrefix: '',
  denyPrefix: 'Gem Package is blacklisted: ',
  unavailableMessage: 'Gem packages are present but the anchore gem feed is not available - will be unable to perform checks that require feed data',
});
