using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Strata.Load.Baseline;

/// <summary>
/// <c>GET /workspaces/{id}</c> with Strata's checks, by hand: the bearer token's SHA-256 (lower-case hex, as Strata
/// stores it) looked up in <c>auth.sessions</c> — not revoked, not expired, the user not deleted — then the caller's
/// membership and the live workspace read as the application role under row-level security, with <c>strata.user_id</c>
/// set transaction-locally. Both statements go in one batch, so one round trip: Npgsql runs a batch without a
/// transaction as one implicit transaction, so the context the first statement sets is seen by the second and gone
/// after it (safe behind a transaction-mode pooler, like Strata's).
/// </summary>
internal static class WorkspaceRoute
{
    // Strata's defaults (Strata:Auth:SessionRenewalInterval and SessionLifetime): a session used a day after its last
    // renewal is renewed for seven days.
    private static readonly TimeSpan RenewalInterval = TimeSpan.FromDays(1);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string SessionSql = """
        SELECT s.id, s.last_used_at, set_config('strata.user_id', u.public_id::text, true)
        FROM auth.sessions s
        JOIN auth.users u ON u.id = s.user_id AND u.deleted_at IS NULL
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
        """;

    // Every role includes viewer, the least GET needs, so any membership of the live workspace passes.
    private const string WorkspaceSql = """
        SELECT w.public_id, w.name, w.slug, w.metadata, m.role, w.ownerless_since IS NOT NULL, w.created_at, w.updated_at
        FROM workspaces.members m
        JOIN workspaces.workspaces w ON w.id = m.workspace_id AND w.deleted_at IS NULL
        WHERE w.public_id = $1 AND m.user_id = workspaces.current_user_id()
        """;

    private const string RenewSql = """
        UPDATE auth.sessions SET last_used_at = $2, expires_at = $3, updated_at = $2 WHERE id = $1 AND revoked_at IS NULL
        """;

    public static IEndpointRouteBuilder MapWorkspaceRead(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/workspaces/{id:guid}", GetAsync);
        return routes;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized(http);
        }

        var tokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())));
        var now = DateTime.UtcNow;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        long sessionId;
        DateTime lastUsedAt;
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(SessionSql)
            {
                Parameters = { new NpgsqlParameter<string> { TypedValue = tokenHash }, new NpgsqlParameter<DateTime> { TypedValue = now } },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(WorkspaceSql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id } } });
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return Unauthorized(http);
            }

            sessionId = reader.GetInt64(0);
            lastUsedAt = reader.GetDateTime(1);
            await reader.NextResultAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return JsonResponse.Problem(StatusCodes.Status404NotFound, "workspaces.not_found", "The resource does not exist.");
            }

            await JsonResponse.WriteAsync(http.Response, reader, Write, cancellationToken);
        }

        // Renewal is a write, due at most once a day per session: never on the measured path, kept for the same semantics.
        if (now - lastUsedAt >= RenewalInterval)
        {
            await using var renew = new NpgsqlCommand(RenewSql, connection)
            {
                Parameters = { new NpgsqlParameter<long> { TypedValue = sessionId }, new NpgsqlParameter<DateTime> { TypedValue = now }, new NpgsqlParameter<DateTime> { TypedValue = now + Lifetime } },
            };
            await renew.ExecuteNonQueryAsync(cancellationToken);
        }

        return Results.Empty;
    }

    private static void Write(Utf8JsonWriter json, NpgsqlDataReader row)
    {
        json.WriteStartObject();
        json.WriteString("id", row.GetGuid(0));
        json.WriteString("name", row.GetString(1));
        json.WriteString("slug", row.GetString(2));
        json.WritePropertyName("metadata");
        // A JSON object Strata validated and compacted on the way in: written as it is stored.
        json.WriteRawValue(row.GetString(3), skipInputValidation: true);
        // Stored as Strata's lower-case role name, which is also its JSON form.
        json.WriteString("role", row.GetString(4));
        json.WriteBoolean("needsOwner", row.GetBoolean(5));
        json.WriteString("createdAt", row.GetDateTime(6));
        json.WriteString("updatedAt", row.GetDateTime(7));
        json.WriteEndObject();
    }

    private static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return JsonResponse.Problem(StatusCodes.Status401Unauthorized, "auth.unauthorized", "Sign in first.");
    }
}
