using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Strata.Benchmarks;

// `--smoke`: every benchmark (or those `--filter` picks) once, untimed, in this process — seconds, not a minute per
// suite — for CI, which only needs to know that each still runs. Any run fails (exit 1) when a benchmark threw or
// did not run.
const string Smoke = "--smoke";
var smoke = args.Contains(Smoke);
// `paging`: P4 and the search figures of issue 17, latency samples over a million parts (PagingFigures says why not
// BenchmarkDotNet); with --smoke, a dozen parts and one call each.
if (args is [PagingFigures.Command, .. var pagingArgs])
{
    BenchRun.Smoke = smoke;
    return await PagingFigures.RunAsync([.. pagingArgs.Where(a => a != Smoke)]);
}

// The out-of-process toolchain compiles the whole tree without the shared compiler; on a loaded 2-core machine that
// takes longer than BenchmarkDotNet's default two minutes.
var config = ManualConfig.Create(DefaultConfig.Instance);
config.BuildTimeout = TimeSpan.FromMinutes(15);
if (smoke)
{
    BenchRun.Smoke = true;
    args = [.. args.Where(a => a != Smoke)];
    if (!args.Any(a => a is "--filter" or "-f"))
    {
        args = [.. args, "--filter", "*"];
    }

    var once = Job.Dry.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1)
        .WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance).WithId("smoke");
    // Untimed, so a Debug build (what `dotnet test` already built) serves as well as Release.
    config = config.AddJob(once).WithOptions(ConfigOptions.DisableOptimizationsValidator);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
var failed = summaries.Count == 0 || summaries.Any(s =>
    s.HasCriticalValidationErrors || s.Reports.Length != s.BenchmarksCases.Length || s.Reports.Any(r => !r.Success));
if (failed)
{
    Console.Error.WriteLine("A benchmark failed or did not run (see above).");
}

return failed ? 1 : 0;

/// <summary>Entry point type for BenchmarkSwitcher.</summary>
internal sealed partial class Program;
