using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Api.Tests;

/// <summary>Auth steps through the API: sign up, sign in as an administrator, verify an email; and what the auth tables hold.</summary>
internal static class AuthSteps
{
    /// <summary>Signs up a new user with <see cref="TestUsers.Password"/>; returns its id, email and session token.</summary>
    public static async Task<(Guid Id, string Email, string Token)> SignUpAsync(this ApiHarness api, string? email = null)
    {
        email ??= TestUsers.NewEmail();
        var response = await api.PostAsync("/auth/sign-up", new { email, password = TestUsers.Password, name = "Test User" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("user").GetProperty("id").GetGuid(), email, body.GetProperty("session").GetProperty("token").GetString()!);
    }

    /// <summary>A new user with the seeded admin role, signed in; returns its id and session token.</summary>
    public static async Task<(Guid Id, string Token)> AdminAsync(this ApiHarness api)
    {
        await using var scope = api.Api.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAdministratorAsync(TestUsers.NewEmail(), TestUsers.Password, "Admin");
        var email = admin.Email;
        var response = await api.PostAsync("/auth/sign-in", new { email, password = TestUsers.Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (admin.Id, body.GetProperty("session").GetProperty("token").GetString()!);
    }

    /// <summary>Confirms the user's email through the real flow (the code comes from the captured mail).</summary>
    public static async Task VerifyEmailAsync(this ApiHarness api, string email, string token)
    {
        (await api.SendAsync(HttpMethod.Post, "/auth/email-verification", token: token)).EnsureSuccessStatusCode();
        (await api.PostAsync("/auth/email-verification/confirm", new { token = api.Mail.LastCode(email, "email_verification") })).EnsureSuccessStatusCode();
    }

    /// <summary>Every value of the auth tables that can hold a secret, as one string.</summary>
    public static async Task<string> DumpAuthTablesAsync(this ApiHarness api)
    {
        var db = api.Database;
        var connection = db.Session.Connection;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in new[] { "users", "sessions", "accounts", "verifications", "passkeys", "audit_log", "mail_outbox" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {db.Table("auth", table)}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
            }
        }

        return dump.ToString();
    }
}
