import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bodyFor, sign, type NotificationPayload } from './outbox.js';
import { parseSubscription, publicSubscription } from './subscriptions.js';

describe('subscriptions', () => {
  it('parses a webhook subscription and never shows its secret', () => {
    const s = parseSubscription({ events: ['vuln_update', 'vuln_update', 'policy_eval'], filter: { repository: 'ghcr.io/team/*' }, webhook: { url: 'https://hooks.example/x', secret: 's'.repeat(20) } });
    expect(s).toEqual({ events: ['vuln_update', 'policy_eval'], filter: { repository: 'ghcr.io/team/*' }, channel: { kind: 'webhook', url: 'https://hooks.example/x', secret: 's'.repeat(20) } });
    const shown = publicSubscription({ ...s, id: 'i', created_at: 't' });
    expect(shown).toEqual({ id: 'i', created_at: 't', events: ['vuln_update', 'policy_eval'], filter: { repository: 'ghcr.io/team/*' }, webhook: { url: 'https://hooks.example/x', secret_set: true } });
  });

  it.each([
    [[], 'the body must be a JSON object'],
    [{ events: [], webhook: { url: 'https://x' } }, 'events must be a non-empty list of vuln_update, policy_eval, tag_update, analysis_update'],
    [{ events: ['vuln_update'] }, 'give exactly one of webhook, slack, github_issue'],
    [{ events: ['vuln_update'], webhook: { url: 'https://x' }, slack: { url: 'https://y' } }, 'give exactly one of webhook, slack, github_issue'],
    [{ events: ['vuln_update'], webhook: { url: 'not a url' } }, 'webhook.url "not a url" is not a URL'],
    [{ events: ['vuln_update'], webhook: { url: 'https://u:p@x' } }, 'webhook.url must not carry credentials'],
    [{ events: ['vuln_update'], webhook: { url: 'https://x', secret: 'short' } }, 'webhook.secret must be 16–256 characters'],
    [{ events: ['vuln_update'], slack: { url: 'https://x' }, extra: 1 }, 'unknown field "extra"; known: events, filter, webhook, slack, github_issue'],
  ])('refuses %j: %s', (body, message) => {
    expect(() => parseSubscription(body)).toThrow(message);
  });

  it('signs the exact body with HMAC-SHA256 and writes a short Slack text', () => {
    expect(sign('k', '{"a":1}')).toBe(`sha256=${createHmac('sha256', 'k').update('{"a":1}').digest('hex')}`);
    const payload = {
      event: 'vuln_update',
      image: { repository: 'ghcr.io/team/app', tag: '1', manifest_digest: `sha256:${'a'.repeat(64)}` },
      evaluation: { id: 'e', reason: 'data_update', previous_id: null, previous_image_digest: null },
      decision: { before: 'GO', after: 'STOP' },
      vulnerabilities: { added: [{ id: 'CVE-1', aliases: [], package: 'p@1' }], removed: [{ id: 'CVE-0', aliases: [], package: 'p@1' }] },
      triggers: { added: [], removed: [] },
    } as unknown as NotificationPayload;
    expect(JSON.parse(bodyFor({ kind: 'slack', url: 'https://x' }, payload))).toEqual({ text: `*vuln_update* ghcr.io/team/app:1 (sha256:aaaaaaaaaaaa…): GO → STOP (data_update)\nnew: CVE-1\ngone: CVE-0` });
    expect(bodyFor({ kind: 'webhook', url: 'https://x' }, payload)).toBe(JSON.stringify(payload));
  });
});
