import { createHash } from 'node:crypto';
import type { FileRequest } from '../../../image/file-request.js';
import type { Gate } from '../../gate.js';
import { regexError, reMatch } from '../../params.js';
import { contentScanRequest, contentScanResults, DEFAULT_CONTENT_REGEXES, type NamedRegex } from '../content-scan.js';

export const CONTENT_SEARCH_REQUEST_ID = 'gate/files/content_search';
const checksumRequestId = (filename: string) => `gate/files/checksum:${filename}`;

/** The content-search regexes: the defaults, plus a rule's `regex_name` when it is not a default name. */
function contentRegexes(extra: string | undefined): NamedRegex[] {
  const out = [...DEFAULT_CONTENT_REGEXES];
  if (extra !== undefined && !out.some((r) => r.name === extra) && regexError(extra) === undefined) out.push({ name: extra, regex: extra });
  return out;
}

function sha256Request(filename: string): FileRequest {
  return {
    id: checksumRequestId(filename),
    paths: [filename],
    sink: () => {
      const h = createHash('sha256');
      return { write: (c: Buffer) => void h.update(c), end: () => h.digest('hex') };
    },
  };
}

/** Python's oct(): `0o777`. */
const pyOct = (mode: number) => `0o${mode.toString(8)}`;

export const filesGate: Gate = {
  name: 'files',
  description: 'Checks against files in the analyzed image including file content, file names, and filesystem attributes.',
  triggers: [
    {
      name: 'content_regex_match',
      description:
        'Triggers for each file where the content search analyzer has found a match using configured regexes in the analyzer_config.yaml "content_search" section. If the parameter is set, the trigger will only fire for files that matched the named regex. Refer to your analyzer_config.yaml for the regex values.',
      params: [
        {
          name: 'regex_name',
          description: `Regex string that also appears in the FILECHECK_CONTENTMATCH analyzer parameter in analyzer configuration, to limit the check to. If set, will only fire trigger when the specific named regex was found in a file. Default names: ${DEFAULT_CONTENT_REGEXES.map((r) => r.name).join(', ')}; any other value is searched for as a regex.`,
          type: 'string',
          required: false,
          regex: true,
          example: '.*password.*',
        },
      ],
      // One shared scan: every rule's extra regex joins the same request.
      requests: (params) => [contentScanRequest(`${CONTENT_SEARCH_REQUEST_ID}:${(params.regex_name as string | undefined) ?? ''}`, contentRegexes(params.regex_name as string | undefined))],
      evaluate: ({ ctx, params, problem }) => {
        if (!ctx.files) {
          problem({ problem_type: 'files_unavailable', details: 'the image files were not scanned; the trigger cannot fire' });
          return [];
        }
        const name = params.regex_name as string | undefined;
        const regexes = contentRegexes(name);
        if (name !== undefined && !regexes.some((r) => r.name === name)) {
          // Anchore compares regex_name with the configured names and regexes as strings; this one is neither.
          problem({ problem_type: 'unknown_regex_name', details: `regex_name ${JSON.stringify(name)} is not a configured content regex name and does not compile as a regex (${regexError(name)}); it matches nothing` });
          return [];
        }
        return contentScanResults(ctx.files, `${CONTENT_SEARCH_REQUEST_ID}:${name ?? ''}`).flatMap((h) =>
          h.names
            .filter((n) => name === undefined || n === name)
            .map((n) => {
              const r = regexes.find((x) => x.name === n)!;
              const decoded = r.name === r.regex ? r.regex : `${r.name}=${r.regex}`;
              return { message: `File content analyzer found regexp match in container: file=${h.path} regexp=${decoded}`, location: { path: h.path } };
            }),
        );
      },
    },
    {
      name: 'name_match',
      description: 'Triggers if a file exists in the container that has a filename that matches the provided regex. This does have a performance impact on policy evaluation.',
      params: [{ name: 'regex', description: 'Regex to apply to file names for match.', type: 'string', required: true, regex: true, example: '.*\\.pem' }],
      evaluate: ({ ctx, params, problem }) => {
        if (!ctx.files) {
          problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
          return [];
        }
        const regex = params.regex as string;
        return ctx.files
          .list()
          .filter((e) => reMatch(regex, e.path))
          .map((e) => ({ message: `Application of regex matched file found in container: file=${e.path} regexp=${regex}`, location: { path: e.path } }));
      },
    },
    {
      name: 'attribute_match',
      description: 'Triggers if a filename exists in the container that has attributes that match those which are provided . This check has a performance impact on policy evaluation.',
      params: [
        { name: 'filename', description: 'Filename to check against provided checksum.', type: 'string', required: true, example: '/etc/passwd' },
        { name: 'checksum_algorithm', description: 'Checksum algorithm', type: 'enum', required: false, allowed: ['sha256'], default: 'sha256', example: 'sha256' },
        { name: 'checksum', description: 'Checksum of file.', type: 'string', required: false, example: '832cd0f75b227d13aac82b1f70b7f90191a4186c151f9db50851d209c45ede11' },
        { name: 'checksum_match', description: 'Checksum operation to perform.', type: 'enum', required: false, allowed: ['equals', 'not_equals'], default: 'equals', example: 'equals' },
        {
          name: 'mode',
          description: 'File mode of file (octal).',
          type: 'string',
          required: false,
          example: '00644',
          validate: (v) => (/^[0-7]{1,6}$/.test(v.trim()) ? undefined : `must be an octal file mode such as 00644, got ${JSON.stringify(v)}`),
        },
        { name: 'mode_op', description: 'File mode operation to perform.', type: 'enum', required: false, allowed: ['equals', 'not_equals'], default: 'equals', example: 'equals' },
        { name: 'skip_missing', description: 'If set to true, do not fire this trigger if the file is not present. If set to false, fire this trigger ignoring the other parameter settings.', type: 'boolean', required: false, default: 'true', example: 'true' },
      ],
      requests: (params) => (typeof params.checksum === 'string' ? [sha256Request(params.filename as string)] : []),
      evaluate: ({ ctx, params, problem }) => {
        if (!ctx.files) {
          problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
          return [];
        }
        const filename = params.filename as string;
        const entry = ctx.files.get(filename, { follow: true });
        // Anchore's texts (anchore-engine gates/files.py FileAttributeMatchTrigger, asserted in tests/unit/.../gates/test_files.py).
        if (!entry) return params.skip_missing ? [] : [{ message: `filename=${filename} and skip_missing=False`, location: { path: filename } }];
        const parts = [`filename=${filename}`];
        if (typeof params.checksum === 'string') {
          const resolved = ctx.files.resolve(filename, { follow: true }) ?? filename;
          let actual = ctx.files.sinkResult(checksumRequestId(filename), resolved) ?? ctx.files.sinkResult(checksumRequestId(filename), filename);
          if (typeof actual !== 'string') {
            const r = ctx.files.read(filename);
            actual = r.ok ? createHash('sha256').update(r.data).digest('hex') : undefined;
          }
          if (typeof actual !== 'string') {
            problem({ problem_type: 'file_content_unavailable', details: `the content of ${filename} was not captured; its checksum cannot be checked` });
            return [];
          }
          const equal = actual.toLowerCase() === params.checksum.toLowerCase();
          if (equal !== (params.checksum_match === 'equals')) return [];
          parts.push(`and checksum=${actual} op=${params.checksum_match as string} specified_checksum=${params.checksum}`);
        }
        if (typeof params.mode === 'string') {
          const want = Number.parseInt(params.mode, 8) & 0o7777;
          const equal = (entry.mode & 0o7777) === want;
          if (equal !== (params.mode_op === 'equals')) return [];
          parts.push(`and mode=${pyOct(entry.mode & 0o7777)} op=${params.mode_op as string} specified_mode=${pyOct(want)}`);
        }
        // Neither a checksum nor a mode to compare: nothing to report, as in Anchore.
        if (parts.length === 1) return [];
        return [{ message: parts.join(' '), location: { path: filename } }];
      },
    },
    {
      name: 'suid_or_guid_set',
      description: 'Fires for each file found to have suid or sgid bit set.',
      params: [],
      evaluate: ({ ctx, problem }) => {
        if (!ctx.files) {
          problem({ problem_type: 'files_unavailable', details: 'the image file list is not available; the trigger cannot fire' });
          return [];
        }
        return ctx.files
          .list()
          .filter((e) => e.type !== 'symlink' && (e.mode & 0o6000) !== 0)
          .map((e) => ({ message: `SUID or SGID found set on file ${e.path}. Mode: 0o${(e.mode & 0o7777).toString(8)}`, location: { path: e.path } }));
      },
    },
  ],
};
