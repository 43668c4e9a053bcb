import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/helpers/shared.js';
import { viewFromDirectory } from '../../image/directory.js';
import { compileGlob } from '../../image/paths.js';
import { silentLogger } from '../../common/logger.js';
import { dotnetDepsJsonCataloger, parseDepsJson } from './deps-json.js';

describe('deps.json selection and parsing', () => {
  it('selects *.deps.json only', () => {
    const g = compileGlob(dotnetDepsJsonCataloger.requests[0]!.globs![0]!);
    expect(g.test('/app/dotnetapp.deps.json')).toBe(true);
    expect(g.test('/app/dotnetapp.runtimeconfig.json')).toBe(false);
  });
  it('refuses JSON without libraries', () => {
    expect(() => parseDepsJson('{}')).toThrow(/libraries/);
  });
});

describeShared('dotnet/deps-json on the syft fixtures (EXPECTED.md)', () => {
  it('dir-example-1: 14 libraries with dependency edges; referenceassembly entries skipped; glob-paths is an unknown', async () => {
    const view = await viewFromDirectory(sharedPath('fixtures/catalogers/dotnet/syft'), { requests: dotnetDepsJsonCataloger.requests });
    const r = await dotnetDepsJsonCataloger.catalog({ view, logger: silentLogger });
    const ex = r.packages.filter((p) => p.locations[0]!.path === '/dir-example-1/TestLibrary.deps.json');
    expect(ex.map((p) => `${p.name} ${p.version}`).sort()).toEqual(
      [
        'TestLibrary 1.0.0', 'TestCommon 1.0.0', 'AWSSDK.Core 3.7.10.6', 'Microsoft.Extensions.DependencyInjection.Abstractions 6.0.0',
        'Microsoft.Extensions.DependencyInjection 6.0.0', 'Microsoft.Extensions.Logging.Abstractions 6.0.0', 'Microsoft.Extensions.Logging 6.0.0',
        'Microsoft.Extensions.Options 6.0.0', 'Microsoft.Extensions.Primitives 6.0.0', 'Newtonsoft.Json 13.0.1', 'Serilog.Sinks.Console 4.0.1',
        'Serilog 2.10.0', 'System.Diagnostics.DiagnosticSource 6.0.0', 'System.Runtime.CompilerServices.Unsafe 6.0.0',
      ].sort(),
    );
    expect(ex.find((p) => p.name === 'Newtonsoft.Json')?.purl).toBe('pkg:nuget/Newtonsoft.Json@13.0.1');
    expect(ex.find((p) => p.name === 'TestLibrary')?.metadata?.dependsOn).toContain('TestCommon/1.0.0');
    const ref = r.packages.filter((p) => p.locations[0]!.path === '/deps-with-referenceassembly/MyApp.deps.json');
    expect(ref.map((p) => p.name)).toContain('Newtonsoft.Json');
    expect(ref.some((p) => p.name.startsWith('Microsoft.AspNetCore.DataProtection') || p.version === '10.0.0.0')).toBe(false);
    expect(r.unknowns.map((u) => u.path)).toEqual(['/glob-paths/src/something.deps.json']);
  });
});
