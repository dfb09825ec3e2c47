using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Strata.Api.Tests.OpenApi;
using Strata.AspNetCore.Configuration;
using Strata.Data.Configuration;
using Strata.Testing;

using static Strata.Api.Tests.Responses;

namespace Strata.Api.Tests.Reliability;

/// <summary>
/// The hostile-input corpus (<see cref="HostileRequests"/>) over every route of the OpenAPI document, through Kestrel,
/// on both providers: no answer is a 5xx, every refusal is problem+json with a <c>code</c>, and no refused request
/// changes any table.
/// </summary>
public sealed class HostileInputTests(ApiTestDatabases databases)
{
    // Refusals that must leave a record (ARCHITECTURE.md, "Sessions and transactions"): the audit log keeps each
    // authorization failure, in a unit of its own.
    private static readonly string[] RefusalRecords = ["auth.audit_log", "\"auth_audit_log\""];

    [Theory, BothProviders]
    public async Task Every_hostile_request_is_refused_with_a_coded_problem_and_changes_no_table(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (ids, token) = await ScenarioAsync(api);
        var document = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var probes = new HostileRequests(document, ids, token, new StrataApiOptions().MaxRequestBodyBytes).All().ToList();
        var tables = await TableSnapshot.ForAsync(api.Database.ConnectionString, provider);
        var failures = new List<string>();

        foreach (var probe in probes)
        {
            var before = await tables.ReadAsync();
            using var response = await SendAsync(api.Client, probe);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var wrong = status >= 500 ? "is a server error"
                : probe.RefusedByKestrel ? (status == 400 && body.Length == 0 ? null : "is not Kestrel's bare 400")
                : status >= 400 ? Problem(response, body) : null;
            if (wrong is not null)
            {
                failures.Add($"{probe.Route} [{probe.Attack}] answered {status}, which {wrong}: {Truncate(body)}");
            }

            if (status >= 400 && TableSnapshot.Changed(before, await tables.ReadAsync()).Except(RefusalRecords).ToList() is { Count: > 0 } changed)
            {
                failures.Add($"{probe.Route} [{probe.Attack}] answered {status} but changed {string.Join(", ", changed)}");
            }
        }

        Assert.True(probes.Count >= 300, $"The corpus holds {probes.Count} requests; at least 300 expected.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {probes.Count} hostile requests misbehaved:\n{string.Join('\n', failures.Take(60))}");
        // The corpus ran as a signed-in administrator throughout, so the attacks reached past authentication.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, "/auth/session", token: token)).StatusCode);
    }

    // An administrator with a workspace, a second user in it, an invitation, a role, and a small catalog: each route
    // of the corpus gets real ids.
    private static async Task<(Dictionary<string, Guid> Ids, string Token)> ScenarioAsync(ApiHarness api)
    {
        var (adminId, token) = await api.AdminAsync();
        var workspace = await api.CreateWorkspaceAsync(token, "Hostile Probe Workspace");
        var (memberId, _, _) = await api.JoinedMemberAsync(token, workspace);
        var (invitation, _) = await api.InviteAsync(token, workspace, TestUsers.NewEmail());
        var role = await IdOfAsync(await api.PostAsync("/admin/roles", new { name = "probe-role" }, token));
        var manufacturer = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Probe Motors", country = "DE" }, token));
        var model = await IdOfAsync(await api.PostAsync("/catalog/models", new { manufacturerId = manufacturer, name = "Probe" }, token));
        var variation = await IdOfAsync(await api.PostAsync("/catalog/variations", new { modelId = model, yearFrom = 2001, yearTo = 2009 }, token));
        var category = await IdOfAsync(await api.PostAsync("/catalog/categories", new { name = "Probe Brakes" }, token));
        var part = await IdOfAsync(await api.PostAsync("/catalog/parts", new { manufacturerId = manufacturer, partNumber = "PRB-1", name = "Probe pad", categoryId = category }, token));
        var other = await IdOfAsync(await api.PostAsync("/catalog/parts", new { manufacturerId = manufacturer, partNumber = "PRB-2", name = "Probe disc", categoryId = category }, token));
        _ = adminId;
        var ids = new Dictionary<string, Guid>
        {
            ["workspaces"] = workspace, ["userId"] = memberId, ["users"] = memberId, ["invitationId"] = invitation,
            ["roles"] = role, ["roleId"] = role, ["manufacturers"] = manufacturer, ["manufacturerId"] = manufacturer,
            ["models"] = model, ["modelId"] = model, ["variations"] = variation, ["variationId"] = variation,
            ["categories"] = category, ["categoryId"] = category, ["parts"] = part, ["alternativePartId"] = other,
        };
        return (ids, token);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HostileProbe probe)
    {
        using var request = new HttpRequestMessage(probe.Method, new Uri(probe.Path, UriKind.Relative));
        if (probe.RefusedByKestrel)
        {
            request.Options.Set(OpenApiResponseValidator.AnsweredBeforeRouting, "Kestrel refuses a NUL in the path");
        }

        if (probe.Body is not null && probe.ContentType is not null)
        {
            request.Content = new ByteArrayContent(probe.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(probe.ContentType);
            // The server answers an oversize body before reading it; without 100-continue the client may still be
            // writing when the connection closes.
            request.Headers.ExpectContinue = probe.Body.Length > 512 * 1024;
        }

        if (probe.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", probe.Authorization);
        }

        return await client.SendAsync(request);
    }

    // What is wrong with a refusal's body, or null when it is a problem with a code.
    private static string? Problem(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"is not problem+json ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})";
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? null : "has no code";
        }
        catch (JsonException)
        {
            return "is not JSON";
        }
    }


    private static string Truncate(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
