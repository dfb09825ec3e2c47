using Npgsql;
using Strata.Data.Configuration;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Tests;

/// <summary>The hierarchy audit is append-only for the application role (PostgreSQL grants).</summary>
public sealed class PostgresHierarchyAuditGrantTests(CatalogTestDatabases databases)
{
    [Theory]
    [InlineData("UPDATE catalog.vehicle_hierarchy_audit SET action = 'created'")]
    [InlineData("DELETE FROM catalog.vehicle_hierarchy_audit")]
    public async Task The_application_role_cannot_rewrite_the_hierarchy_audit(string statement)
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Moskvitch", "RU"));
        var settings = await databases.GrantedServingSettingsAsync(db);
        await using var app = new NpgsqlConnection(settings["ConnectionStrings:Strata"] + ";Pooling=false");
        await app.OpenAsync();

        await using var command = new NpgsqlCommand(statement, app);
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal("42501", refusal.SqlState);
    }
}
