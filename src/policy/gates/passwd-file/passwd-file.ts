import type { Gate, Trigger, TriggerRun } from '../../gate.js';
import { memo } from '../../context.js';

const PASSWD = '/etc/passwd';
const REQUEST = { id: 'gate/passwd_file', paths: [PASSWD] };

interface PasswdEntry {
  line: string;
  user: string;
  uid: string;
  gid: string;
  shell: string;
}

/** The entries of /etc/passwd, or undefined (with a problem) when its content was not captured. */
function entries(run: TriggerRun): PasswdEntry[] | undefined {
  const text = memo(run.ctx, 'passwd', () => run.ctx.files?.readText(PASSWD));
  if (text === undefined) {
    run.problem({ problem_type: 'passwd_unavailable', details: `${PASSWD} is not present or was not read; the trigger cannot fire` });
    return undefined;
  }
  return text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((line) => {
      const f = line.split(':');
      return { line, user: f[0] ?? '', uid: f[2] ?? '', gid: f[3] ?? '', shell: f[6] ?? '' };
    });
}

function denyTrigger(name: string, v2: string, description: string, param: { name: string; aliases?: string[]; description: string; type: 'string-list' | 'integer-list'; example: string }, field: keyof PasswdEntry, word: string): Trigger {
  return {
    name,
    aliases: [v2],
    description,
    params: [{ ...param, required: true }],
    requests: () => [REQUEST],
    evaluate: (run) => {
      const list = (run.params[param.name] as (string | number)[]).map(String);
      return (entries(run) ?? []).filter((e) => list.includes(e[field])).map((e) => ({ message: `Blacklisted ${word} '${e[field]}' found in image's /etc/passwd: pentry=${e.line}`, location: { path: PASSWD } }));
    },
  };
}

export const passwdFileGate: Gate = {
  name: 'passwd_file',
  description: 'Content checks for /etc/passwd for things like usernames, group ids, shells, or full entries.',
  triggers: [
    {
      name: 'content_not_available',
      description: 'Triggers if the /etc/passwd file is not present/stored in the evaluated image.',
      params: [],
      requests: () => [REQUEST],
      evaluate: ({ ctx }) => (ctx.files?.readText(PASSWD) === undefined ? [{ message: 'Cannot locate /etc/passwd in image stored files archive: check analyzer settings.' }] : []),
    },
    denyTrigger('blacklist_usernames', 'denylist_usernames', 'Triggers if specified username is found in the /etc/passwd file', { name: 'user_names', aliases: ['usernameblacklist'], description: 'List of usernames that will cause the trigger to fire if found in /etc/passwd.', type: 'string-list', example: 'daemon,ftp' }, 'user', 'user'),
    denyTrigger('blacklist_userids', 'denylist_userids', 'Triggers if specified user id is found in the /etc/passwd file', { name: 'user_ids', aliases: ['useridblacklist'], description: 'List of userids (numeric) that will cause the trigger to fire if found in /etc/passwd.', type: 'integer-list', example: '0,1' }, 'uid', 'uid'),
    denyTrigger('blacklist_groupids', 'denylist_groupids', 'Triggers if specified group id is found in the /etc/passwd file', { name: 'group_ids', aliases: ['groupidblacklist'], description: 'List of groupids (numeric) that will cause the trigger ot fire if found in /etc/passwd.', type: 'integer-list', example: '999,20' }, 'gid', 'gid'),
    denyTrigger('blacklist_shells', 'denylist_shells', 'Triggers if specified login shell for any user is found in the /etc/passwd file', { name: 'shells', aliases: ['shellblacklist'], description: 'List of shell commands to blacklist.', type: 'string-list', example: '/bin/bash,/bin/zsh' }, 'shell', 'shell'),
    {
      name: 'blacklist_full_entry',
      aliases: ['denylist_full_entry'],
      description: 'Triggers if entire specified passwd entry is found in the /etc/passwd file.',
      params: [{ name: 'entry', aliases: ['pentryblacklist'], description: 'Full entry to match in /etc/passwd.', type: 'string', required: true, example: 'ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin' }],
      requests: () => [REQUEST],
      evaluate: (run) => {
        const entry = run.params.entry as string;
        return (entries(run) ?? []).filter((e) => e.line === entry).map((e) => ({ message: `Blacklisted pentry '${entry}' found in image's /etc/passwd: pentry=${e.line}`, location: { path: PASSWD } }));
      },
    },
  ],
};
