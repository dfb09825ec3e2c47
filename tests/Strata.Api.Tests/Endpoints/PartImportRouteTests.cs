using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Endpoints;

/// <summary><c>POST /catalog/import</c> and the import runs through Kestrel: behind <c>catalog.write</c>, streamed, with its own size limit.</summary>
public sealed class PartImportRouteTests(ApiTestDatabases databases)
{
    private const string Csv = "manufacturer,partNumber,name,category\nBosch,BP-100,Brake pad,Brakes > Pads\nBosch,BD-200,Brake disc,Brakes\n";

    [Theory, BothProviders]
    public async Task A_csv_upload_answers_the_run_which_is_kept_with_its_caller(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (adminId, admin) = await api.AdminAsync();
        await ShopAsync(api, admin);

        var response = await ImportAsync(api, admin, Csv, "text/csv", "?sourceName=parts.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("completed", 2, "parts.csv"), (run.GetProperty("outcome").GetString(), run.GetProperty("inserted").GetInt32(), run.GetProperty("sourceName").GetString()));
        var kept = await (await api.SendAsync(HttpMethod.Get, $"/catalog/import-runs/{run.GetProperty("id").GetGuid()}", token: admin)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(adminId, kept.GetProperty("startedBy").GetGuid());
        var list = await (await api.SendAsync(HttpMethod.Get, "/catalog/import-runs", token: admin)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(run.GetProperty("id").GetGuid(), list.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Theory, BothProviders]
    public async Task Json_lines_are_read_by_content_type_and_all_or_nothing_refuses_a_file_with_a_bad_row(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        await ShopAsync(api, admin);
        const string lines = """
            {"manufacturer":"Bosch","partNumber":"BP-100","name":"Brake pad","category":"Brakes > Pads"}
            {"manufacturer":"Nobody","partNumber":"X-1","name":"Brake pad","category":"Brakes > Pads"}
            """;

        var partial = await (await ImportAsync(api, admin, lines, "application/x-ndjson")).Content.ReadFromJsonAsync<JsonElement>();
        var refused = await (await ImportAsync(api, admin, lines.Replace("BP-100", "BP-101", StringComparison.Ordinal), "application/octet-stream", "?format=jsonl&mode=all-or-nothing"))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(("completed_with_rejections", 1), (partial.GetProperty("outcome").GetString(), partial.GetProperty("inserted").GetInt32()));
        var rejection = partial.GetProperty("rejections")[0];
        Assert.Equal((2, "manufacturer", "catalog.unknown_manufacturer"),
            (rejection.GetProperty("line").GetInt32(), rejection.GetProperty("field").GetString(), rejection.GetProperty("code").GetString()));
        Assert.Equal(("refused", 0), (refused.GetProperty("outcome").GetString(), refused.GetProperty("inserted").GetInt32()));
    }

    [Theory, BothProviders]
    public async Task Importing_and_reading_runs_need_the_catalog_write_permission(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, member) = await api.SignUpAsync();

        await AssertProblemAsync(await ImportAsync(api, null, Csv, "text/csv"), HttpStatusCode.Unauthorized, "auth.unauthorized");
        await AssertProblemAsync(await ImportAsync(api, member, Csv, "text/csv"), HttpStatusCode.Forbidden, "auth.forbidden");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/catalog/import-runs", token: member), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory, BothProviders]
    public async Task A_file_that_cannot_be_read_answers_400_and_a_body_of_no_known_format_415(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();

        await AssertProblemAsync(await ImportAsync(api, admin, "manufacturer,name\nBosch,Pad\n", "text/csv"), HttpStatusCode.BadRequest, "catalog.invalid_import_file");
        await AssertProblemAsync(await ImportAsync(api, admin, Csv, "text/csv", "?mode=some"), HttpStatusCode.BadRequest, "catalog.invalid_import_mode");
        await AssertProblemAsync(await ImportAsync(api, admin, Csv, "text/csv", "?format=xlsx"), HttpStatusCode.BadRequest, "catalog.invalid_import_format");
        await AssertProblemAsync(await ImportAsync(api, admin, Csv, "application/octet-stream"), HttpStatusCode.UnsupportedMediaType, "catalog.unsupported_import_type");
        await AssertProblemAsync(await ImportAsync(api, admin, Csv, "application/vnd.ms-excel"), HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/catalog/import-runs/{Guid.NewGuid()}", token: admin), HttpStatusCode.NotFound, "import_run.not_found");
    }

    [Theory, BothProviders]
    public async Task A_body_over_the_import_limit_answers_413_whether_its_length_is_declared_or_not(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider, new Dictionary<string, string?> { ["Strata:Catalog:ImportMaxBytes"] = "64" });
        var (_, admin) = await api.AdminAsync();
        await ShopAsync(api, admin);
        var large = Csv + string.Concat(Enumerable.Range(0, 20).Select(i => $"Bosch,X-{i},Pad {i},Brakes\n"));

        await AssertProblemAsync(await ImportAsync(api, admin, large, "text/csv"), HttpStatusCode.RequestEntityTooLarge, "catalog.import_too_large");
        await AssertProblemAsync(await ImportAsync(api, admin, large, "text/csv", chunked: true), HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        var runs = await (await api.SendAsync(HttpMethod.Get, "/catalog/import-runs", token: admin)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, runs.GetProperty("items").GetArrayLength());
    }

    private static async Task<HttpResponseMessage> ImportAsync(ApiHarness api, string? token, string body, string contentType, string query = "", bool chunked = false)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/catalog/import" + query) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await api.Client.SendAsync(request);
    }

    /// <summary>Bosch, and the categories Brakes › Pads.</summary>
    private static async Task ShopAsync(ApiHarness api, string admin)
    {
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/catalog/manufacturers", new { name = "Bosch" }, admin)).StatusCode);
        var brakes = await api.PostAsync("/catalog/categories", new { name = "Brakes" }, admin);
        var brakesId = (await brakes.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/catalog/categories", new { name = "Pads", parentId = brakesId }, admin)).StatusCode);
    }

    // A body sent chunked: its length is not known before it is read.
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
