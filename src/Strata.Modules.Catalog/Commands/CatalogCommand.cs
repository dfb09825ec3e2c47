using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Strata.CommandLine;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Commands;

/// <summary>
/// <c>strata catalog manufacturers|models|variations add|update|delete …</c> (and <c>import</c>, see <see cref="CatalogImportCommand"/>): the vehicle hierarchy from the command
/// line, through the same services as the API, so every write leaves its <c>vehicle_hierarchy_audit</c> row (without an
/// actor: the CLI acts as no user).
/// </summary>
internal static class CatalogCommand
{
    public static Command Create(CommandRunner cli) => new("catalog", "Write the catalog: its vehicle hierarchy, and parts in bulk.")
    {
        Manufacturers(cli),
        Models(cli),
        Variations(cli),
        CatalogImportCommand.Create(cli),
    };

    private static Command Manufacturers(CommandRunner cli)
    {
        var id = IdOption("The manufacturer's id.");
        var name = new Option<string>("--name") { Description = "Name.", Required = true };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country (DE)." };
        var add = new Command("add", "Add a manufacturer.") { name, country };
        Run<IManufacturerCatalog>(cli, add, async (parse, catalog, token) =>
            Report("Added manufacturer", (await catalog.CreateManufacturerAsync(new ManufacturerInput(parse.GetRequiredValue(name), parse.GetValue(country)), token)).Id));
        var update = new Command("update", "Change a manufacturer's name and country.") { id, name, country };
        Run<IManufacturerCatalog>(cli, update, async (parse, catalog, token) =>
            Report("Updated manufacturer", (await catalog.UpdateManufacturerAsync(parse.GetRequiredValue(id), new ManufacturerInput(parse.GetRequiredValue(name), parse.GetValue(country)), token)).Id));
        var delete = new Command("delete", "Delete a manufacturer without live models.") { id };
        Run<IManufacturerCatalog>(cli, delete, async (parse, catalog, token) =>
        {
            await catalog.DeleteManufacturerAsync(parse.GetRequiredValue(id), token);
            Report("Deleted manufacturer", parse.GetRequiredValue(id));
        });
        return new Command("manufacturers", "Manufacturers.") { add, update, delete };
    }

    private static Command Models(CommandRunner cli)
    {
        var id = IdOption("The model's id.");
        var manufacturer = new Option<Guid>("--manufacturer") { Description = "The manufacturer's id.", Required = true };
        var name = new Option<string>("--name") { Description = "Name.", Required = true };
        var add = new Command("add", "Add a model to a manufacturer.") { manufacturer, name };
        Run<IVehicleModelCatalog>(cli, add, async (parse, catalog, token) =>
            Report("Added model", (await catalog.CreateModelAsync(parse.GetRequiredValue(manufacturer), parse.GetRequiredValue(name), token)).Id));
        var update = new Command("update", "Rename a model.") { id, name };
        Run<IVehicleModelCatalog>(cli, update, async (parse, catalog, token) =>
            Report("Updated model", (await catalog.UpdateModelAsync(parse.GetRequiredValue(id), parse.GetRequiredValue(name), token)).Id));
        var delete = new Command("delete", "Delete a model without live variations.") { id };
        Run<IVehicleModelCatalog>(cli, delete, async (parse, catalog, token) =>
        {
            await catalog.DeleteModelAsync(parse.GetRequiredValue(id), token);
            Report("Deleted model", parse.GetRequiredValue(id));
        });
        return new Command("models", "Models.") { add, update, delete };
    }

    private static Command Variations(CommandRunner cli)
    {
        var id = IdOption("The variation's id.");
        var model = new Option<Guid>("--model") { Description = "The model's id.", Required = true };
        var yearFrom = new Option<int>("--year-from") { Description = "First model year.", Required = true };
        var yearTo = new Option<int?>("--year-to") { Description = "Last model year." };
        var trim = new Option<string?>("--trim") { Description = "Trim level." };
        var engine = new Option<string?>("--engine") { Description = "Engine." };
        var bodyStyle = new Option<string?>("--body-style") { Description = "Body style (sedan, coupe, …)." };
        VariationInput Input(ParseResult parse) =>
            new(parse.GetRequiredValue(yearFrom), parse.GetValue(yearTo), parse.GetValue(trim), parse.GetValue(engine), parse.GetValue(bodyStyle));
        var add = new Command("add", "Add a variation to a model.") { model, yearFrom, yearTo, trim, engine, bodyStyle };
        Run<IModelVariationCatalog>(cli, add, async (parse, catalog, token) =>
            Report("Added variation", (await catalog.CreateVariationAsync(parse.GetRequiredValue(model), Input(parse), token)).Id));
        var update = new Command("update", "Change a variation.") { id, yearFrom, yearTo, trim, engine, bodyStyle };
        Run<IModelVariationCatalog>(cli, update, async (parse, catalog, token) =>
            Report("Updated variation", (await catalog.UpdateVariationAsync(parse.GetRequiredValue(id), Input(parse), token)).Id));
        var delete = new Command("delete", "Delete a variation.") { id };
        Run<IModelVariationCatalog>(cli, delete, async (parse, catalog, token) =>
        {
            await catalog.DeleteVariationAsync(parse.GetRequiredValue(id), token);
            Report("Deleted variation", parse.GetRequiredValue(id));
        });
        return new Command("variations", "Model variations.") { add, update, delete };
    }

    private static Option<Guid> IdOption(string description) => new("--id") { Description = description, Required = true };

    private static void Run<TCatalog>(CommandRunner cli, Command command, Func<ParseResult, TCatalog, CancellationToken, Task> body)
        where TCatalog : notnull =>
        cli.SetAction(command, async (parse, services, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<TCatalog>();
            await body(parse, catalog, cancellationToken);
            return ExitCodes.Ok;
        });

    private static void Report(string what, Guid id) => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{what} {id}.");
}
