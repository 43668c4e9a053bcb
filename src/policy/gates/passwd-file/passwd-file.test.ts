import { describe, expect, it } from 'vitest';
import { bundleOf, context, viewOf } from '../../test-support.js';
import { evaluatePolicy } from '../../evaluate.js';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\n';

async function messages(trigger: string, params: Record<string, string>, files: Record<string, string> = { 'etc/passwd': PASSWD }) {
  const bundle = bundleOf([{ gate: 'passwd_file', trigger, params }]);
  return evaluatePolicy(bundle, context({ files: await viewOf(files, bundle) }), { tag: 'a:1' });
}

describe('passwd_file', () => {
  it.each([
    ['blacklist_usernames', { user_names: 'ftp,games' }, ["Blacklisted user 'ftp' found in image's /etc/passwd: pentry=ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin"]],
    ['denylist_usernames', { usernameblacklist: 'root' }, ["Blacklisted user 'root' found in image's /etc/passwd: pentry=root:x:0:0:root:/root:/bin/bash"]],
    ['blacklist_userids', { user_ids: '0,1' }, ["Blacklisted uid '0' found in image's /etc/passwd: pentry=root:x:0:0:root:/root:/bin/bash", "Blacklisted uid '1' found in image's /etc/passwd: pentry=daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin"]],
    ['blacklist_groupids', { group_ids: '50' }, ["Blacklisted gid '50' found in image's /etc/passwd: pentry=ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin"]],
    ['blacklist_shells', { shells: '/bin/bash' }, ["Blacklisted shell '/bin/bash' found in image's /etc/passwd: pentry=root:x:0:0:root:/root:/bin/bash"]],
    ['blacklist_full_entry', { entry: 'ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin' }, ["Blacklisted pentry 'ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin' found in image's /etc/passwd: pentry=ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin"]],
    ['blacklist_full_entry', { entry: 'ftp:x:14:50' }, []],
    ['content_not_available', {}, []],
  ])('%s %j', async (trigger, params, want) => {
    expect((await messages(trigger, params)).findings.map((f) => f.message)).toEqual(want);
  });

  it('without /etc/passwd: content_not_available fires, the deny lists report a problem', async () => {
    expect((await messages('content_not_available', {}, {})).findings.map((f) => f.message)).toEqual(['Cannot locate /etc/passwd in image stored files archive: check analyzer settings.']);
    const e = await messages('blacklist_usernames', { user_names: 'root' }, {});
    expect(e.findings).toEqual([]);
    expect(e.evaluation_problems[0]).toMatchObject({ problem_type: 'passwd_unavailable' });
  });
});
