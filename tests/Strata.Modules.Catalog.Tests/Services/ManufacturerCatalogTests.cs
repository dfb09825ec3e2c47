using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>Manufacturers: their writes and audit rows, names, deletion and paging, both providers.</summary>
public sealed class ManufacturerCatalogTests(CatalogTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Every_hierarchy_write_leaves_an_audit_row_with_actor_and_both_sides(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var actor = Guid.NewGuid();

        var manufacturer = await db.AsAsync(actor, s => s.GetRequiredService<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Lada", "RU")));
        await db.AsAsync(actor, s => s.GetRequiredService<IManufacturerCatalog>().UpdateManufacturerAsync(manufacturer.Id, new ManufacturerInput("AvtoVAZ", "RU")));
        await db.AsAsync(actor, async s =>
        {
            await s.GetRequiredService<IManufacturerCatalog>().DeleteManufacturerAsync(manufacturer.Id);
            return true;
        });

        var audit = db.Table("catalog", "vehicle_hierarchy_audit");
        Assert.Equal("created,updated,deleted", await db.ScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? $"SELECT string_agg(action, ',' ORDER BY id) FROM {audit}"
            : $"SELECT group_concat(action, ',') FROM (SELECT action FROM {audit} ORDER BY id)"));
        Assert.Equal(3, await db.ScalarAsync<long>($"SELECT count(*) FROM {audit} WHERE actor_id = '{(provider == DatabaseProvider.Sqlite ? actor.ToString().ToUpperInvariant() : actor.ToString())}'"));
        Assert.Contains("\"name\":\"Lada\"", await db.ScalarAsync<string>($"SELECT before FROM {audit} WHERE action = 'updated'"), StringComparison.Ordinal);
        Assert.Contains("\"name\":\"AvtoVAZ\"", await db.ScalarAsync<string>($"SELECT after FROM {audit} WHERE action = 'updated'"), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_write_without_a_user_is_audited_without_an_actor(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        await db.AsAsync(null, s => s.GetRequiredService<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Dacia", "RO")));

        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("catalog", "vehicle_hierarchy_audit")} WHERE actor_id IS NULL"));
    }

    [Theory, BothProviders]
    public async Task A_taken_name_in_any_case_is_a_conflict_and_leaves_no_audit_row(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var catalog = db.Get<IManufacturerCatalog>();
        await catalog.CreateManufacturerAsync(new ManufacturerInput("Saab", "SE"));

        var refusal = await Assert.ThrowsAsync<ConflictError>(() => catalog.CreateManufacturerAsync(new ManufacturerInput("SAAB")));

        Assert.Equal(("catalog.name_taken", "name"), (refusal.Code, refusal.Field));
        Assert.Equal(1, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("catalog", "vehicle_hierarchy_audit")}"));
    }

    [Theory, BothProviders]
    public async Task Deleting_a_manufacturer_with_live_models_is_a_conflict(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var catalog = db.Get<IManufacturerCatalog>();
        var manufacturer = await catalog.CreateManufacturerAsync(new ManufacturerInput("Saab"));
        await db.Get<IVehicleModelCatalog>().CreateModelAsync(manufacturer.Id, "900");

        var refusal = await Assert.ThrowsAsync<ConflictError>(() => catalog.DeleteManufacturerAsync(manufacturer.Id));

        Assert.Equal("catalog.has_children", refusal.Code);
    }

    [Theory, BothProviders]
    public async Task Manufacturers_page_by_name_and_search_matches_part_of_it(DatabaseProvider provider)
    {
        await using var db = await databases.SeededAsync(provider);
        var catalog = db.Get<IManufacturerCatalog>();

        var first = await catalog.ListManufacturersAsync(new KeysetRequest(5));
        var second = await catalog.ListManufacturersAsync(new KeysetRequest(5, first.NextCursor));
        var found = await catalog.ListManufacturersAsync(new KeysetRequest(10), "rOVer");

        Assert.Equal(["Alfa Romeo", "Audi", "BMW", "Chevrolet", "Citroën"], first.Items.Select(m => m.Name));
        Assert.Equal("Fiat", second.Items[0].Name);
        Assert.Equal(["Land Rover"], found.Items.Select(m => m.Name));
    }
}
