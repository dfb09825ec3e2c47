using System.CommandLine;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Strata.AspNetCore.Modules;
using Strata.CommandLine;
using Strata.Data.Modules;
using Strata.Modules.Catalog.Commands;
using Strata.Modules.Catalog.Configuration;
using Strata.Modules.Catalog.Endpoints;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Seed;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog;

/// <summary>
/// The parts-marketplace catalog, schema <c>catalog</c> (SQLite prefix <c>catalog_</c>): the vehicle hierarchy — manufacturers, models, variations, body styles, colours — VIN decoding over <c>vin_prefixes</c>, and
/// the hierarchy's audit trail; part categories, parts, fitments, alternatives, tags and part images (files behind
/// <see cref="IFileStorage"/>). Reads are public; writes need <see cref="CatalogWrite"/>. Public surface, one service per
/// aggregate: <see cref="IManufacturerCatalog"/>, <see cref="IVehicleModelCatalog"/>, <see cref="IModelVariationCatalog"/>,
/// <see cref="IVinPrefixCatalog"/>, <see cref="IVinDecoder"/>, <see cref="IPartCatalog"/>, <see cref="IPartImports"/>, <see cref="IPartImages"/> and
/// <see cref="ICatalogLookup"/>; input rules in <see cref="CatalogInput"/>.
/// </summary>
public sealed class CatalogModule : StrataModule, IEndpointModule, ICommandModule
{
    /// <summary>The module's name.</summary>
    public const string ModuleName = "catalog";

    /// <summary>Write the catalog.</summary>
    public const string CatalogWrite = "catalog.write";

    /// <inheritdoc />
    public override string Name => ModuleName;

    /// <inheritdoc />
    public override ModuleContexts Contexts { get; } = ModuleContexts.Create<CatalogDbContext, CatalogPostgresDbContext, CatalogSqliteDbContext>();

    /// <inheritdoc />
    public override IReadOnlyList<string> Permissions => [CatalogWrite];

    /// <inheritdoc />
    public override IReadOnlyList<string> AppendOnlyTables => ["vehicle_hierarchy_audit", "import_runs"];

    /// <inheritdoc />
    public override IReadOnlyList<Type> Seeders => [typeof(CatalogReferenceSeeder), typeof(CatalogDemoSeeder)];

    /// <inheritdoc />
    public override void RegisterServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatorsFromAssemblyContaining<CatalogModule>(includeInternalTypes: true);
        services.AddOptions<FileStorageOptions>().BindConfiguration(FileStorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FileStorageOptions>, FileStorageOptionsValidator>();
        services.AddOptions<CatalogImportOptions>().BindConfiguration(CatalogImportOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogImportOptions>, CatalogImportOptionsValidator>();
        // The default storage; register another IFileStorage before the module to keep files elsewhere.
        services.TryAddSingleton<IFileStorage, LocalDiskFileStorage>();
        services.AddScoped<ManufacturerRepository>();
        services.AddScoped<VehicleModelRepository>();
        services.AddScoped<ModelVariationRepository>();
        services.AddScoped<VinPrefixRepository>();
        services.AddScoped<PartCategoryRepository>();
        services.AddScoped<PartRepository>();
        services.AddScoped<StoredFileRepository>();
        services.AddScoped<PartImportRepository>();
        services.AddScoped<ImportRunRepository>();
        services.AddScoped<HierarchyAuditWriter>();
        services.AddScoped<IManufacturerCatalog, ManufacturerCatalog>();
        services.AddScoped<IVehicleModelCatalog, VehicleModelCatalog>();
        services.AddScoped<IModelVariationCatalog, ModelVariationCatalog>();
        services.AddScoped<IVinPrefixCatalog, VinPrefixCatalog>();
        services.AddScoped<IVinDecoder, VinDecoder>();
        services.AddScoped<IPartCatalog, PartCatalog>();
        services.AddScoped<ICatalogLookup, CatalogLookup>();
        services.AddScoped<IPartImages, PartImages>();
        services.AddScoped<IPartImports, PartImports>();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Catalog"] = "The parts catalog: the vehicle hierarchy (manufacturers, models, variations), VIN decoding, part categories, parts with alternatives, tags, fitments and images. Reads are public; writes need the permission `catalog.write`.",
    };

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapVehicleEndpoints();
        routes.MapPartEndpoints();
        routes.MapPartImageEndpoints();
        routes.MapPartImportEndpoints();
    }

    /// <inheritdoc />
    public IEnumerable<Command> CreateCommands(CommandRunner runner) => [CatalogCommand.Create(runner)];
}
