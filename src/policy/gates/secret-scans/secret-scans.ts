import type { Gate } from '../../gate.js';
import { reMatch } from '../../params.js';
import { ANCHORE_SECRET_SEARCH, contentScanRequest, contentScanResults, DEFAULT_SECRET_REGEXES } from '../content-scan.js';

export const SECRET_SCAN_REQUEST_ID = 'gate/secret_scans';

export const secretScansGate: Gate = {
  name: 'secret_scans',
  description: 'Checks for secrets and content found in the image using configured regexes found in the "secret_search" section of analyzer_config.yaml.',
  triggers: [
    {
      name: 'content_regex_checks',
      description:
        'Triggers if the secret content search analyzer has found any matches with the configured and named regexes. Checks can be configured to trigger if a match is found or is not found (selected using match_type parameter). Matches are filtered by the content_regex_name and filename_regex if they are set. The content_regex_name should be a value from the "secret_search" section of the analyzer_config.yaml.',
      params: [
        {
          name: 'content_regex_name',
          description: `Name of content regexps configured in the analyzer that match if found in the image, instead of matching all. Names available by default are: ['${DEFAULT_SECRET_REGEXES.map((r) => r.name).join("', '")}']`,
          type: 'string',
          required: false,
          example: 'AWS_ACCESS_KEY',
        },
        { name: 'filename_regex', description: 'Regexp to filter the content matched files by.', type: 'string', required: false, regex: true, example: '/etc/.*' },
        { name: 'match_type', description: 'Set to define the type of match - trigger if match is found (default) or not found.', type: 'enum', required: false, allowed: ['notfound', 'found'], default: 'found', example: 'found' },
      ],
      requests: () => [contentScanRequest(SECRET_SCAN_REQUEST_ID, DEFAULT_SECRET_REGEXES)],
      evaluate: ({ ctx, params, problem }) => {
        if (!ctx.files) {
          problem({ problem_type: 'files_unavailable', details: 'the image files were not scanned; the trigger cannot fire' });
          return [];
        }
        const name = params.content_regex_name as string | undefined;
        if (name !== undefined && !DEFAULT_SECRET_REGEXES.some((r) => r.name === name)) {
          // Anchore loads any name (its all-rules test bundle has `test-regex`); a name not configured matches nothing.
          problem({ problem_type: 'unknown_regex_name', details: `content_regex_name ${JSON.stringify(name)} is not one of the secret regexes (${DEFAULT_SECRET_REGEXES.map((r) => r.name).join(', ')}); it matches nothing` });
        }
        const fileRe = params.filename_regex as string | undefined;
        const hits = contentScanResults(ctx.files, SECRET_SCAN_REQUEST_ID)
          .filter((h) => fileRe === undefined || reMatch(fileRe, h.path))
          .flatMap((h) => h.names.filter((n) => name === undefined || n === name).map((n) => ({ path: h.path, name: n })));
        if (params.match_type === 'notfound') {
          return hits.length === 0
            ? [{ message: `Secret content search analyzer did not find regexp match in container: filename_regex=${fileRe ?? '*'} content_regex_name=${name ?? 'all'}` }]
            : [];
        }
        return hits.map((h) => {
          const regex = ANCHORE_SECRET_SEARCH[h.name] ?? DEFAULT_SECRET_REGEXES.find((r) => r.name === h.name)!.regex;
          return { message: `Secret content search analyzer found regexp match in container: file=${h.path} regexp=${h.name}=${regex}`, location: { path: h.path } };
        });
      },
    },
  ],
};
