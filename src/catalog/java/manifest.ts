/** META-INF/MANIFEST.MF: `Key: value` lines, 72-byte continuation lines starting with one space, sections. */

export interface JavaManifest {
  main: Record<string, string>;
  /** Per-entry sections (`Name: …` blocks after the first blank line). */
  sections: Record<string, string>[];
}

export function parseManifest(text: string): JavaManifest {
  const sections: Record<string, string>[] = [];
  let current: Record<string, string> = {};
  let lastKey: string | undefined;
  const flush = (): void => {
    if (Object.keys(current).length > 0) sections.push(current);
    current = {};
    lastKey = undefined;
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith(' ')) {
      if (lastKey !== undefined) current[lastKey] += line.slice(1);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    lastKey = line.slice(0, colon).trim();
    current[lastKey] = line.slice(colon + 1).trim();
  }
  flush();
  const [main = {}, ...rest] = sections;
  return { main, sections: rest };
}
