import type { Gate, TriggerRun } from '../../gate.js';
import { reMatch } from '../../params.js';

const request = (path: string) => ({ id: `gate/retrieved_files:${path}`, paths: [path] });

function content(run: TriggerRun, path: string): string | undefined {
  return run.ctx.files?.readText(path);
}

export const retrievedFilesGate: Gate = {
  name: 'retrieved_files',
  description: 'Checks against content and/or presence of files retrieved at analysis time from an image',
  triggers: [
    {
      name: 'content_not_available',
      description: 'Triggers if the specified file is not present/stored in the evaluated image.',
      params: [{ name: 'path', description: 'The path of the file to verify has been retrieved during analysis', type: 'string', required: true, example: '/etc/httpd.conf' }],
      requests: (params) => [request(params.path as string)],
      evaluate: (run) => {
        const path = run.params.path as string;
        return content(run, path) === undefined ? [{ message: 'Cannot locate file in the image analysis', location: { path } }] : [];
      },
    },
    {
      name: 'content_regex',
      description: 'Evaluation of regex on retrieved file content',
      params: [
        { name: 'path', description: 'The path of the file to verify has been retrieved during analysis', type: 'string', required: true, example: '/etc/httpd.conf' },
        { name: 'regex', description: 'The regex to evaluate against the content of the file', type: 'string', required: true, regex: true, example: '.*SSlEnabled.*' },
        { name: 'check', description: 'The type of check to perform with the regex', type: 'enum', required: true, allowed: ['match', 'no_match'], example: 'match' },
      ],
      requests: (params) => [request(params.path as string)],
      evaluate: (run) => {
        const path = run.params.path as string;
        const regex = run.params.regex as string;
        const check = run.params.check as string;
        const text = content(run, path);
        if (text === undefined) {
          run.problem({ problem_type: 'file_content_unavailable', details: `${path} is not present or was not read; the trigger cannot fire` });
          return [];
        }
        const matched = text.split(/\s+/).some((tok) => tok !== '' && reMatch(regex, tok));
        if (matched !== (check === 'match')) return [];
        return [{ message: `Content regex '${regex}' check '${check}' found in retrieved file '${path}'`, triggerId: `${run.ruleId}+file://${path}`, location: { path } }];
      },
    },
  ],
};
