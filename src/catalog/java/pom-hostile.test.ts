/** Regression test for a pom.xml found by `npm run fuzz` (target java-pom) that took seconds to parse. */
import { describe, expect, it } from 'vitest';
import { parsePomXml } from './pom.js';

describe('pom.xml licences on hostile input', () => {
  // Its cost is measured by the fuzz harness's per-input bound (`npm run fuzz -- --target java-pom`), not here.
  it('many unclosed <license> blocks yield no licence, and the rest of the pom is read', () => {
    const text = `<project><artifactId>a</artifactId><version>1</version>${'<license><name>x</name><url>u</url>'.repeat(300)}</project>`;
    const pom = parsePomXml(text);
    expect(pom.licenses).toEqual([]);
    expect(pom.artifactId).toBe('a');
  });
  it('well-formed licence blocks still give their names, in order, and a block without <name> gives none', () => {
    const text =
      '<project><licenses><license><name>Apache-2.0</name></license><license><url>u</url></license>' +
      '<license><name>MIT</name><url>v</url></license></licenses></project>';
    expect(parsePomXml(text).licenses).toEqual(['Apache-2.0', 'MIT']);
  });
});
