/** pom.properties and the few pom.xml fields the Java cataloger needs. */

export interface PomProperties {
  groupId: string;
  artifactId: string;
  version: string;
  name?: string;
  extra: Record<string, string>;
}

/** `key=value` or `key:value` lines (the first separator wins); `#` and `!` start comments. */
export function parsePomProperties(text: string): PomProperties {
  const props: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const eq = line.indexOf('=');
    const colon = line.indexOf(':');
    const sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (sep <= 0) continue;
    props[line.slice(0, sep).trim()] = line.slice(sep + 1).trim();
  }
  const { groupId = '', artifactId = '', version = '', name, ...extra } = props;
  return { groupId, artifactId, version, ...(name !== undefined ? { name } : {}), extra };
}

export interface PomProject {
  groupId: string;
  artifactId: string;
  version: string;
  name?: string;
  parent?: { groupId: string; artifactId: string; version: string };
  licenses: string[];
}

/**
 * The `<name>` of each `<license>…</license>` block. Blocks are cut with indexOf, not one lazy regex across the
 * text: that regex backtracks over every later `<name>` for each unclosed `<license>` (seconds on 60 KB).
 */
function licenseNames(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('<license>', from);
    if (open < 0) break;
    const close = text.indexOf('</license>', open);
    if (close < 0) break;
    const m = /<name>([\s\S]*?)<\/name>/.exec(text.slice(open + '<license>'.length, close));
    if (m) out.push(xmlText(m[1]!));
    from = close + '</license>'.length;
  }
  return out;
}

/** The project coordinates, parent, name and licence names of a pom.xml, without a full XML parser. */
export function parsePomXml(text: string): PomProject {
  const noComments = text.replace(/<!--[\s\S]*?-->/g, '');
  const parentBlock = /<parent>([\s\S]*?)<\/parent>/.exec(noComments)?.[1];
  const licenses = licenseNames(noComments);
  // Keep only the project's own top-level fields: drop the blocks that hold other coordinates.
  const top = noComments.replace(
    /<(parent|dependencies|dependencyManagement|build|profiles|plugins|reporting|modules|licenses|developers|contributors|organization|scm|issueManagement|ciManagement|distributionManagement|mailingLists|repositories|pluginRepositories|properties)>[\s\S]*?<\/\1>/g,
    '',
  );
  const field = (src: string | undefined, tag: string): string => {
    const m = src === undefined ? null : new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(src);
    return m ? xmlText(m[1]!) : '';
  };
  const parent = parentBlock
    ? { groupId: field(parentBlock, 'groupId'), artifactId: field(parentBlock, 'artifactId'), version: field(parentBlock, 'version') }
    : undefined;
  let version = field(top, 'version') || parent?.version || '';
  const groupId = field(top, 'groupId') || parent?.groupId || '';
  // Only the simplest property references are resolved; anything else is not a version.
  version = version.replace(/\$\{(project\.)?parent\.version\}/g, parent?.version ?? '').replace(/\$\{project\.version\}/g, '');
  if (version.includes('${')) version = '';
  const project: PomProject = { groupId, artifactId: field(top, 'artifactId'), version, licenses };
  const name = field(top, 'name');
  if (name) project.name = name;
  if (parent) project.parent = parent;
  return project;
}

function xmlText(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
