using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Strata.Data.Seeding;

namespace Strata.CommandLine.Commands;

/// <summary>
/// <c>strata db seed [--demo] [--size small|medium|large|N] [--seed N]</c>: reference data always; demo data (refused in
/// Production) on request, sized by its number of catalog parts. Lines the seeders leave (the demo users' passwords)
/// are printed at the end.
/// </summary>
internal static class SeedCommand
{
    // Parts in the demo catalog; the issue's figures (small for a look around, large for load tests at 1M rows).
    private static readonly Dictionary<string, int> Sizes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["small"] = 1_000, ["medium"] = 100_000, ["large"] = 1_000_000,
    };

    public static Command Create(CommandRunner cli)
    {
        var demo = new Option<bool>("--demo") { Description = "Also seed demo data: users, workspaces, a catalog (reference data is always seeded). Refused in Production." };
        var size = new Option<string>("--size")
        {
            Description = "Demo catalog size in parts: small (1 000), medium (100 000), large (1 000 000) or a number.", DefaultValueFactory = _ => "small",
        };
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
            SeedRun? run = null;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Seeding", maxValue: 1);
                run = await runner.SeedAsync(options, new SynchronousProgress(update =>
                {
                    task.MaxValue = update.Total;
                    task.Value = update.Done;
                    task.Description = $"{update.Module}: {update.Seeder}";
                }), cancellationToken);
                task.Value = task.MaxValue;
            });
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Seeded reference data{(options.IncludeDemo ? $" and demo data ({options.Size} parts, seed {options.Seed})" : string.Empty)}.");
            // A note holds a password to copy: Spectre must not break it at the console's width (80 when redirected).
            var widest = run!.Notes.Select(n => n.Module.Length + n.Text.Length + 2).DefaultIfEmpty(0).Max();
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, widest);
            foreach (var note in run.Notes)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{note.Module}:[/] {note.Text}");
            }

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
