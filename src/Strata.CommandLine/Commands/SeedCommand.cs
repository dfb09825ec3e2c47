using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Strata.Data.Seeding;

namespace Strata.CommandLine.Commands;

/// <summary><c>strata db seed [--demo] [--size small|medium|large|N] [--seed N]</c></summary>
internal static class SeedCommand
{
    private static readonly Dictionary<string, int> Sizes = new(StringComparer.OrdinalIgnoreCase) { ["small"] = 10, ["medium"] = 100, ["large"] = 1_000 };

    public static Command Create(CommandRunner cli)
    {
        var demo = new Option<bool>("--demo") { Description = "Also seed demo data (reference data is always seeded)." };
        var size = new Option<string>("--size") { Description = "Demo data size: small (10), medium (100), large (1000) or a number.", DefaultValueFactory = _ => "small" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and size give the same demo data.", DefaultValueFactory = _ => 42 };
        var command = new Command("seed", "Seed reference data, and demo data on request; safe to run again.") { demo, size, seed };
        command.Validators.Add(result =>
        {
            var value = result.GetValue(size);
            if (value is not null && !Sizes.ContainsKey(value) && !(int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0))
            {
                result.AddError("--size must be small, medium, large or a positive number.");
            }
        });
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            var sizeText = parse.GetValue(size)!;
            var options = new SeedOptions(parse.GetValue(demo), parse.GetValue(seed),
                Sizes.TryGetValue(sizeText, out var named) ? named : int.Parse(sizeText, CultureInfo.InvariantCulture));
            var runner = services.GetRequiredService<SeedRunner>();
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Seeding", maxValue: 1);
                await runner.SeedAsync(options, new SynchronousProgress(update =>
                {
                    task.MaxValue = update.Total;
                    task.Value = update.Done;
                    task.Description = $"{update.Module}: {update.Seeder}";
                }), cancellationToken);
                task.Value = task.MaxValue;
            });
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Seeded reference data{(options.IncludeDemo ? $" and demo data (size {options.Size}, seed {options.Seed})" : string.Empty)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    // Progress<T> posts to the thread pool; the bar must see each step in order, as it happens.
    private sealed class SynchronousProgress(Action<SeedProgress> report) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => report(value);
    }
}
