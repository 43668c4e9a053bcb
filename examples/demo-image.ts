import type { ImageSpec } from '../test/helpers/image-builder.js';

/**
 * The bundled example image, declared as data: a small Debian-like root file system in three layers, with an
 * OS package database, an npm application with an old lodash, a whiteout and a symlink.
 */
export const DEMO_IMAGE: ImageSpec = {
  compression: 'gzip',
  refName: 'demo',
  config: { config: { Cmd: ['node', '/app/index.js'], WorkingDir: '/app', ExposedPorts: { '22/tcp': {} }, User: '' } },
  layers: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:rootfs.tar.gz in / ',
      files: [
        { path: 'etc/', type: 'dir' },
        {
          path: 'etc/os-release',
          content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n',
        },
        { path: 'etc/debian_version', content: '12.5\n' },
        { path: 'etc/motd', content: 'welcome\n' },
        { path: 'var/lib/dpkg/', type: 'dir' },
        {
          path: 'var/lib/dpkg/status',
          content: [
            'Package: zlib1g\nStatus: install ok installed\nPriority: optional\nArchitecture: amd64\nMulti-Arch: same\nSource: zlib\nVersion: 1:1.2.13.dfsg-1\nDescription: compression library - runtime\n',
            'Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 3.0.11-1~deb12u2\nDescription: Secure Sockets Layer toolkit - shared libraries\n',
            'Package: openssh-server\nStatus: install ok installed\nArchitecture: amd64\nSource: openssh\nVersion: 1:9.2p1-2+deb12u2\nDescription: secure shell (SSH) server\n',
          ].join('\n'),
        },
        { path: 'bin/', type: 'dir' },
        { path: 'bin/sh', target: 'dash' },
        { path: 'bin/dash', content: 'not really a shell\n', mode: 0o755 },
      ],
    },
    {
      createdBy: '/bin/sh -c rm /etc/motd',
      emptyBefore: ['/bin/sh -c #(nop)  ENV NODE_ENV=production'],
      files: [{ path: 'etc/motd', whiteout: true }],
    },
    {
      createdBy: 'COPY app/ /app # buildkit',
      files: [
        { path: 'app/', type: 'dir' },
        { path: 'app/index.js', content: "console.log(require('lodash').VERSION);\n" },
        { path: 'app/package.json', content: '{"name":"demo-app","version":"1.0.0","dependencies":{"lodash":"4.17.15"}}\n' },
        { path: 'app/node_modules/lodash/package.json', content: '{"name":"lodash","version":"4.17.15","license":"MIT"}\n' },
        { path: 'app/node_modules/lodash/lodash.js', content: '/* lodash */\n' },
      ],
    },
  ],
};
