import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { silentLogger } from '../../common/logger.js';
import { isJavaArchiveName, parseJavaArchive, splitArchiveFilename } from './archive.js';
import { javaArchiveCataloger, mavenPurl } from './cataloger.js';
import { parseManifest } from './manifest.js';
import { parsePomProperties, parsePomXml } from './pom.js';
import { ZipReader } from '../../common/zip.js';

const J = (...p: string[]): string => sharedPath('fixtures/catalogers/java', ...p);
const gav = (data: Buffer, name: string, identifyByFilename = false): string[] =>
  parseJavaArchive(data, `/${name}`, { identifyByFilename }).artifacts.map((a) => `${a.groupId}:${a.artifactId}:${a.version}`);

/** A zip built here, to test the reader's corner cases: prepended bytes and stored entries. */
function makeZip(files: Record<string, Buffer>, prefix = Buffer.alloc(0)): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const deflate = content.length > 10;
    const body = deflate ? deflateRawSync(content) : content;
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    centrals.push(central, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(files).length, 8);
  eocd.writeUInt16LE(Object.keys(files).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([prefix, ...locals, cd, eocd]);
}

describe('java file selection, zip reading and metadata parsing', () => {
  it('selects java archives by extension, case-insensitively', () => {
    for (const p of ['/a/x.jar', '/a/x.WAR', '/a/x.ear', '/a/x.hpi', '/a/x.jpi']) expect(isJavaArchiveName(p)).toBe(true);
    for (const p of ['/a/x.zip', '/a/x.tar', '/a/jar', '/a/x.jar.sha1']) expect(isJavaArchiveName(p)).toBe(false);
  });
  it('reads stored and deflated entries, and archives with a launcher script prepended', () => {
    const zip = makeZip({ 'a.txt': Buffer.from('hi'), 'b.txt': Buffer.from('hello hello hello hello') }, Buffer.from('#!/bin/sh\nexec java -jar "$0"\n'));
    const r = new ZipReader(zip);
    expect(r.entries.map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    expect(r.read(r.find('b.txt')!).toString()).toBe('hello hello hello hello');
    expect(r.read(r.find('a.txt')!).toString()).toBe('hi');
    expect(() => r.read(r.find('b.txt')!, 5)).toThrow(/limit/);
    expect(() => new ZipReader(Buffer.from('not a zip at all, not at all'))).toThrow(/not a zip/);
  });
  it('a truncated archive is a problem, not an exception', () => {
    const zip = makeZip({ 'META-INF/maven/g/a/pom.properties': Buffer.from('groupId=g\nartifactId=a\nversion=1\n') });
    expect(gav(zip, 'a-1.jar')).toEqual(['g:a:1']);
    const r = parseJavaArchive(zip.subarray(0, zip.length - 30), '/a-1.jar');
    expect(r.artifacts).toEqual([]);
    expect(r.problems).toHaveLength(1);
  });
  it('splits file names into name and version', () => {
    expect(splitArchiveFilename('/x/api-all-2.0.0-sources.jar')).toEqual({ name: 'api-all', version: '2.0.0-sources' });
    expect(splitArchiveFilename('/x/org.multiple-thename.jar')).toEqual({ name: 'org.multiple-thename', version: '' });
    expect(mavenPurl({ groupId: 'org.apache.logging.log4j', artifactId: 'log4j-core', version: '2.14.1' })).toBe(
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    );
  });
});

describeShared('java metadata parsers on the syft fixtures (EXPECTED.md)', () => {
  const pom = (f: string) => parsePomProperties(readFileSync(J('syft/pom', f), 'utf8'));
  it('pom.properties variants', () => {
    expect(pom('small.pom.properties')).toMatchObject({ groupId: 'org.anchore', artifactId: 'example-java-app-maven', version: '0.1.0' });
    expect(pom('extra.pom.properties')).toMatchObject({ name: 'something-here', extra: { another: 'thing', sweet: 'work' } });
    expect(pom('colon-delimited.pom.properties')).toMatchObject({ groupId: 'org.anchore', artifactId: 'example-java-app-maven', version: '0.1.0' });
    expect(pom('equals-delimited-with-colons.pom.properties')).toMatchObject({ artifactId: 'example-java:app-maven', version: '0.1.0:something' });
    expect(pom('colon-delimited-with-equals.pom.properties')).toMatchObject({ artifactId: 'example-java=app-maven', version: '0.1.0=something' });
  });
  it('MANIFEST.MF continuation lines, sections and blank lines', () => {
    const m = (f: string) => parseManifest(readFileSync(J('syft/manifest', f), 'utf8'));
    expect(m('small').main['Manifest-Version']).toBe('1.0');
    const cont = m('continuation');
    expect(cont.main['Plugin-ScmUrl']).toBe('https://github.com/jenkinsci/plugin-pom/example-jenkins-plugin');
    expect(m('extra-info').sections.length).toBeGreaterThan(0);
    expect(m('extra-empty-lines').main['Manifest-Version']).toBe('1.0');
    const spring = parseManifest(readFileSync(J('syft/jar-metadata/spring-instrumentation-4.3.0-1.0/META-INF/MANIFEST.MF'), 'utf8'));
    expect(spring.main['Weave-Violation-Filter']).toBe('METHOD_MISSING_REQUIRED_ANNOTATIONS,CLASS_MISSING_REQUIRED_ANNOTATIONS');
  });
  it('pom.xml coordinates come from the project, with the parent as fallback', () => {
    const x = parsePomXml(readFileSync(J('syft/jar-metadata/jackson-core-2.15.2/META-INF/maven/com.fasterxml.jackson.core/jackson-core/pom.xml'), 'utf8'));
    expect(x).toMatchObject({ groupId: 'com.fasterxml.jackson.core', artifactId: 'jackson-core', version: '2.15.2' });
    expect(x.parent).toMatchObject({ groupId: 'com.fasterxml.jackson', artifactId: 'jackson-base' });
  });
});

describeShared('java archives on the syft and osv-scalibr fixtures (EXPECTED.md)', () => {
  const cache = (f: string) => readFileSync(J('syft/jar-metadata/cache', f));
  const scalibr = (f: string) => readFileSync(J('osv-scalibr', f));
  it('syft jar-metadata jars', () => {
    expect(gav(cache('jackson-core-2.15.2.jar'), 'jackson-core-2.15.2.jar')).toEqual(['com.fasterxml.jackson.core:jackson-core:2.15.2']);
    expect(gav(cache('com.fasterxml.jackson.core.jackson-core-2.15.2.jar'), 'com.fasterxml.jackson.core.jackson-core-2.15.2.jar')).toEqual([
      'com.fasterxml.jackson.core:jackson-core:2.15.2',
    ]);
    const api = parseJavaArchive(cache('api-all-2.0.0-sources.jar'), '/api-all-2.0.0-sources.jar').artifacts;
    expect(api.map((a) => `${a.groupId}:${a.artifactId}:${a.version} ${a.virtualPath}`)).toEqual([
      'org.apache.directory.api:api-all:2.0.0 /api-all-2.0.0-sources.jar',
      'org.apache.directory.api:api-asn1-api:2.0.0 /api-all-2.0.0-sources.jar:org.apache.directory.api:api-asn1-api',
    ]);
    expect(api[0]!.name).toBe('Apache Directory API All');
    expect(api[1]!.parentArtifact).toBe('org.apache.directory.api:api-all');
    expect(gav(cache('spring-instrumentation-4.3.0-1.0.jar'), 'spring-instrumentation-4.3.0-1.0.jar')).toEqual([]);
    const hpi = parseJavaArchive(cache('gradle.hpi'), '/gradle.hpi').artifacts;
    expect(hpi.map((a) => `${a.groupId}:${a.artifactId}:${a.version} ${a.kind}`)).toEqual(['org.jenkins-ci.plugins:gradle:2.11 jenkins-plugin']);
    expect(gav(cache('micronaut-aop-4.9.11.jar'), 'micronaut-aop-4.9.11.jar')).toEqual(['io.micronaut:micronaut-aop:4.9.11']);
    expect(gav(cache('multiple-matching-2.11.5.jar'), 'multiple-matching-2.11.5.jar')[0]).toBe('org.multiple:multiple-matching-1:2.11.5');
    expect(gav(cache('org.multiple-thename.jar'), 'org.multiple-thename.jar')[0]).toBe('org.multiple:thename:10.11.12');
    expect(gav(cache('opensaml-core-3.4.6.jar'), 'opensaml-core-3.4.6.jar')).toEqual(['org.opensaml:opensaml-core:3.4.6']);
    expect(() => parseJavaArchive(cache('commons-lang3-3.12.0.jar'), '/commons-lang3-3.12.0.jar')).not.toThrow();
  });
  it('osv-scalibr jars', () => {
    expect(gav(scalibr('guava-31.1-jre.jar'), 'guava-31.1-jre.jar')).toEqual(['com.google.guava:guava:31.1-jre']);
    expect(gav(scalibr('simple.jar'), 'simple.jar')).toEqual(['com.some.package:package-name:1.2.3']);
    expect(gav(scalibr('complex.jar'), 'complex.jar')).toEqual([
      'com.some.package:package-name:1.2.3',
      'com.some.anotherpackage:another-package-name:3.2.1',
    ]);
    expect(gav(scalibr('nested_at_10.jar'), 'nested_at_10.jar')).toEqual(['com.some.package:package-name:1.2.3']);
    const deep = parseJavaArchive(scalibr('nested_at_100.jar'), '/nested_at_100.jar');
    expect(deep.artifacts).toEqual([]);
    expect(deep.problems[0]!.reason).toMatch(/nested more than 16/);
    expect(gav(scalibr('no_pom_properties.jar'), 'no_pom_properties.jar', true)).toEqual([]);
    expect(gav(scalibr('no_pom_properties-2.4.0.jar'), 'no_pom_properties-2.4.0.jar')).toEqual([]);
    expect(gav(scalibr('no_pom_properties-2.4.0.jar'), 'no_pom_properties-2.4.0.jar', true)).toEqual(['no_pom_properties:no_pom_properties:2.4.0']);
    expect(gav(scalibr('pom_missing_group_id.jar'), 'pom_missing_group_id.jar', true)).toEqual([]);
    expect(gav(scalibr('pom_missing_group_id-2.4.0.jar'), 'pom_missing_group_id-2.4.0.jar', true)).toEqual([
      'pom_missing_group_id:pom_missing_group_id:2.4.0',
    ]);
    expect(gav(scalibr('org.eclipse.sisu.inject-0.3.5.jar'), 'org.eclipse.sisu.inject-0.3.5.jar', true)).toEqual([
      'org.eclipse.sisu:org.eclipse.sisu.inject:0.3.5',
    ]);
    expect(gav(scalibr('empty.jar'), 'empty.jar')).toEqual([]);
    expect(parseJavaArchive(scalibr('invalid_jar.jar'), '/invalid_jar.jar').problems).toHaveLength(1);
    expect(parseJavaArchive(scalibr('not_jar'), '/not_jar').problems).toHaveLength(1);
  });
  it('the cataloger over the jar cache: packages with maven purls; placeholder archives become unknowns', async () => {
    const view = await viewFromDirectory(J('syft'), { requests: javaArchiveCataloger.requests });
    const r = await javaArchiveCataloger.catalog({ view, logger: silentLogger });
    const jackson = r.packages.filter((p) => p.locations[0]!.path === '/jar-metadata/cache/jackson-core-2.15.2.jar');
    expect(jackson.map((p) => p.purl)).toEqual(['pkg:maven/com.fasterxml.jackson.core/jackson-core@2.15.2']);
    expect(r.packages.find((p) => p.name === 'api-asn1-api')?.purl).toBe('pkg:maven/org.apache.directory.api/api-asn1-api@2.0.0');
    expect(r.packages.find((p) => p.name === 'gradle')?.purl).toBe('pkg:maven/org.jenkins-ci.plugins/gradle@2.11');
    expect(r.packages.find((p) => p.name === 'micronaut-aop')?.purl).toBe('pkg:maven/io.micronaut/micronaut-aop@4.9.11');
    expect(new Set(r.packages.map((p) => p.id)).size).toBe(r.packages.length);
    // /corrupt/example.jar and the 13 placeholder archives under /glob-paths/java-archives
    expect(r.unknowns.map((u) => u.path).filter((p) => p!.startsWith('/glob-paths/java-archives/'))).toHaveLength(13);
    expect(r.unknowns.map((u) => u.path)).toContain('/corrupt/example.jar');
  });
});
