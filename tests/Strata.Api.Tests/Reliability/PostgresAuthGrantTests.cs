using Npgsql;
using Strata.Data.Configuration;
using Strata.Testing;

namespace Strata.Api.Tests.Reliability;

/// <summary>The audit log is append-only for the application role (PostgreSQL grants).</summary>
public sealed class PostgresAuthGrantTests(ApiTestDatabases databases)
{
    [Theory]
    [InlineData("UPDATE auth.audit_log SET outcome = 'success'")]
    [InlineData("DELETE FROM auth.audit_log")]
    public async Task The_application_role_cannot_rewrite_the_audit_log(string statement)
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Postgres);
        var settings = await databases.GrantedServingSettingsAsync(db);
        await using var app = new NpgsqlConnection(settings["ConnectionStrings:Strata"] + ";Pooling=false");
        await app.OpenAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO auth.audit_log (public_id, occurred_at, action, outcome, metadata, created_at, updated_at) VALUES (gen_random_uuid(), now(), 'test', 'failure', '{}', now(), now())", app))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(statement, app);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal("42501", error.SqlState);
    }
}
