using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Modules.Catalog.Services;
using Strata.Testing;
using static Strata.Api.Tests.ProblemAssertions;

namespace Strata.Api.Tests.Endpoints;

/// <summary>The vehicle routes of the catalog through Kestrel: public reads, writes behind <c>catalog.write</c>.</summary>
public sealed class CatalogRouteTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Decoding_a_vin_needs_no_session(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        var response = await api.SendAsync(HttpMethod.Get, "/catalog/vin/1HGCM82633A004352");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decoded = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Honda", decoded.GetProperty("manufacturer").GetProperty("name").GetString());
        Assert.Equal("Accord", decoded.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(2003, decoded.GetProperty("modelYear").GetInt32());
    }

    [Theory, BothProviders]
    public async Task A_vin_with_a_wrong_check_digit_answers_400_and_an_unknown_prefix_404(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/catalog/vin/1HGCM82643A004352"), HttpStatusCode.BadRequest, "catalog.vin_check_digit");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/catalog/vin/11111111111111111"), HttpStatusCode.NotFound, "catalog.vin_unknown");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/catalog/vin/TOO-SHORT"), HttpStatusCode.BadRequest, "catalog.vin_invalid");
    }

    [Theory, BothProviders]
    public async Task Browsing_walks_manufacturers_models_and_variations(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var manufacturer = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Zastava", country = "RS" }, admin));
        var model = await IdOfAsync(await api.PostAsync("/catalog/models", new { manufacturerId = manufacturer, name = "Yugo" }, admin));
        await api.PostAsync("/catalog/variations", new { modelId = model, yearFrom = 1980, yearTo = 2008, trim = "45", bodyStyle = "Hatchback" }, admin);

        var page = await (await api.SendAsync(HttpMethod.Get, "/catalog/manufacturers?limit=3")).Content.ReadFromJsonAsync<JsonElement>();
        var next = await (await api.SendAsync(HttpMethod.Get, $"/catalog/manufacturers?limit=3&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}")).Content.ReadFromJsonAsync<JsonElement>();
        var models = await (await api.SendAsync(HttpMethod.Get, $"/catalog/manufacturers/{manufacturer}/models")).Content.ReadFromJsonAsync<JsonElement>();
        var variations = await (await api.SendAsync(HttpMethod.Get, $"/catalog/models/{model}/variations")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
        Assert.NotEqual(page.GetProperty("items")[0].GetProperty("id").GetGuid(), next.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("Yugo", models.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("Hatchback", variations.GetProperty("items")[0].GetProperty("bodyStyle").GetString());
    }

    [Theory, BothProviders]
    public async Task Writes_need_a_session_and_the_catalog_write_permission(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, _, member) = await api.SignUpAsync();

        await AssertProblemAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Nobody" }), HttpStatusCode.Unauthorized, "auth.unauthorized");
        await AssertProblemAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Nobody" }, member), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory, BothProviders]
    public async Task Write_refusals_answer_400_404_and_409(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var honda = await api.Database.ScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? "SELECT public_id::text FROM catalog.manufacturers WHERE normalized_name = 'HONDA'"
            : "SELECT public_id FROM catalog_manufacturers WHERE normalized_name = 'HONDA'");

        await AssertProblemAsync(await api.PostAsync("/catalog/manufacturers", new { name = "", country = "Germany" }, admin), HttpStatusCode.BadRequest, "request.validation");
        await AssertProblemAsync(await api.PostAsync("/catalog/models", new { manufacturerId = Guid.NewGuid(), name = "Ghost" }, admin), HttpStatusCode.NotFound, "manufacturer.not_found");
        await AssertProblemAsync(await api.PostAsync("/catalog/manufacturers", new { name = "HONDA" }, admin), HttpStatusCode.Conflict, "catalog.name_taken");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Delete, $"/catalog/manufacturers/{honda}", token: admin), HttpStatusCode.Conflict, "catalog.has_children");
    }

    [Theory, BothProviders]
    public async Task Api_writes_are_audited_with_the_caller(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (adminId, admin) = await api.AdminAsync();

        var manufacturer = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Wartburg", country = "DE" }, admin));
        await api.SendAsync(HttpMethod.Patch, $"/catalog/manufacturers/{manufacturer}", new { name = "Wartburg", country = "DD" }, admin);

        Assert.Equal(2, await api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM {api.Database.Table("catalog", "vehicle_hierarchy_audit")} WHERE actor_id = '{api.Database.SqlId(adminId)}'"));
    }

    [Theory, BothProviders]
    public async Task A_part_and_the_category_tree_are_public(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var part = await PartAsync(api, admin);

        var detail = await (await api.SendAsync(HttpMethod.Get, $"/catalog/parts/{part}")).Content.ReadFromJsonAsync<JsonElement>();
        var tree = await (await api.SendAsync(HttpMethod.Get, "/catalog/categories")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["Brakes", "Pads"], detail.GetProperty("categoryPath").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Pads", tree[0].GetProperty("children")[0].GetProperty("name").GetString());
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/catalog/parts/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "part.not_found");
    }

    [Theory, BothProviders]
    public async Task The_part_list_filters_by_tag_and_pages_with_the_cursor(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var first = await PartAsync(api, admin, "P-1");
        await PartAsync(api, admin, "P-2");
        await api.SendAsync(HttpMethod.Put, $"/catalog/parts/{first}/tags", new { tags = new[] { "winter" } }, admin);

        var page = await (await api.SendAsync(HttpMethod.Get, "/catalog/parts?limit=1")).Content.ReadFromJsonAsync<JsonElement>();
        var next = await (await api.SendAsync(HttpMethod.Get, $"/catalog/parts?limit=1&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}"))
            .Content.ReadFromJsonAsync<JsonElement>();
        var tagged = await (await api.SendAsync(HttpMethod.Get, "/catalog/parts?tag=Winter")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.NotEqual(page.GetProperty("items")[0].GetProperty("id").GetGuid(), next.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(first, Assert.Single(tagged.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/catalog/parts?limit=101"), HttpStatusCode.BadRequest, "paging.invalid_size");
    }

    [Theory, BothProviders]
    public async Task Part_search_answers_a_page_or_a_400_with_a_field_error_whatever_the_text(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var part = await PartAsync(api, admin, "04465-33450");

        var found = await (await api.SendAsync(HttpMethod.Get, "/catalog/parts?search=0446533")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(part, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        string[] hostile =
        [
            "\"", "\"brake", "NEAR(brake pad)", "*", "-brake", "brake OR pad", "^brake", "pa:*", "((brake", "brake & pad", "brake | !pad",
            "\\", "100%", "a_b", "<->", "ünïcödé", "🚗 brake", "\t", " ", "", "brake\u0001pad",
        ];
        foreach (var search in hostile)
        {
            var response = await api.SendAsync(HttpMethod.Get, $"/catalog/parts?search={Uri.EscapeDataString(search)}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{search}: {response.StatusCode}");
        }

        // 2 000 characters: 10 000 do not fit Kestrel's request line (8 KiB, 414 before any route); the service test
        // PartSearchTests refuses 10 000 with the same error.
        var tooLong = await AssertProblemAsync(
            await api.SendAsync(HttpMethod.Get, $"/catalog/parts?search={new string('x', 2_000)}"), HttpStatusCode.BadRequest, "catalog.invalid_search");
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("search", out _));
    }

    [Theory, BothProviders]
    public async Task Alternatives_answer_409_when_recorded_twice_and_400_for_the_part_itself(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var first = await PartAsync(api, admin, "P-1");
        var second = await PartAsync(api, admin, "P-2");

        var added = await api.PostAsync($"/catalog/parts/{first}/alternatives", new { alternativePartId = second, kind = "oem" }, admin);
        var again = await api.PostAsync($"/catalog/parts/{second}/alternatives", new { alternativePartId = first }, admin);
        var self = await api.PostAsync($"/catalog/parts/{first}/alternatives", new { alternativePartId = first }, admin);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "catalog.alternative_exists");
        await AssertProblemAsync(self, HttpStatusCode.BadRequest, "catalog.alternative_self");
    }

    [Theory, BothProviders]
    public async Task An_uploaded_image_downloads_with_its_sniffed_type(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var part = await PartAsync(api, admin);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        var uploaded = await UploadAsync(api, admin, part, png, "application/octet-stream");
        var file = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var download = await api.SendAsync(HttpMethod.Get, $"/catalog/parts/{part}/images/{file.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory, BothProviders]
    public async Task Uploads_that_are_too_large_or_not_images_answer_413_and_415(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider, new Dictionary<string, string?> { ["Strata:Catalog:Files:MaxBytes"] = "64" });
        var (_, admin) = await api.AdminAsync();
        var part = await PartAsync(api, admin);

        await AssertProblemAsync(await UploadAsync(api, admin, part, new byte[65], "image/png"), HttpStatusCode.RequestEntityTooLarge, "catalog.file_too_large");
        await AssertProblemAsync(await UploadAsync(api, admin, part, "hello"u8.ToArray(), "image/png"), HttpStatusCode.UnsupportedMediaType, "catalog.unsupported_file_type");
    }

    [Theory, BothProviders]
    public async Task Uploading_needs_the_catalog_write_permission(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var (_, _, member) = await api.SignUpAsync();
        var part = await PartAsync(api, admin);

        await AssertProblemAsync(await UploadAsync(api, member, part, [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory, BothProviders]
    public async Task A_vin_prefix_added_through_the_api_decodes_and_a_duplicate_answers_409(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var maker = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Example Motors" }, admin));
        var prefix = new { prefix = "9ZZ", manufacturerId = maker };

        var added = await api.PostAsync("/catalog/vin-prefixes", prefix, admin);
        var again = await api.PostAsync("/catalog/vin-prefixes", prefix, admin);
        var vin = string.Concat("9ZZAB123", Strata.Modules.Catalog.Services.VinNumbers.CheckDigit("9ZZAB1230LA000001"), "LA000001");
        var decoded = await (await api.SendAsync(HttpMethod.Get, $"/catalog/vin/{vin}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "catalog.vin_prefix_exists");
        Assert.Equal(("Example Motors", 2020), (decoded.GetProperty("manufacturer").GetProperty("name").GetString(), decoded.GetProperty("modelYear").GetInt32()));
    }

    [Theory, BothProviders]
    public async Task A_vin_prefix_the_service_would_refuse_is_refused_by_the_route_validator_with_the_same_limits(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var maker = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Short Prefix Motors" }, admin));

        var problem = await AssertProblemAsync(await api.PostAsync("/catalog/vin-prefixes", new { prefix = "9Z", manufacturerId = maker }, admin),
            HttpStatusCode.BadRequest, "request.validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty("prefix", out _));
    }

    [Theory, BothProviders]
    public async Task A_vin_prefix_outside_the_vin_alphabet_is_refused_by_the_route_validator_with_the_service_rule(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var maker = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Letter O Motors" }, admin));

        var problem = await AssertProblemAsync(await api.PostAsync("/catalog/vin-prefixes", new { prefix = "1HO", manufacturerId = maker }, admin),
            HttpStatusCode.BadRequest, "request.validation");

        Assert.Equal(CatalogInput.VinPrefixRule, problem.GetProperty("errors").GetProperty("prefix")[0].GetString());
    }

    [Theory, BothProviders]
    public async Task A_year_written_as_a_string_is_refused_as_a_malformed_body(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var maker = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Stringly Motors" }, admin));
        var model = await IdOfAsync(await api.PostAsync("/catalog/models", new { manufacturerId = maker, name = "Quoted" }, admin));

        // Numbers are numbers: the document types yearFrom as an integer, and the server reads it as one.
        await AssertProblemAsync(await api.PostAsync("/catalog/variations", new { modelId = model, yearFrom = "2001", yearTo = 2009 }, admin),
            HttpStatusCode.BadRequest, "request.invalid");
    }

    [Theory, BothProviders]
    public async Task Variation_years_the_service_would_refuse_are_refused_by_the_route_validator_with_the_service_rule(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var maker = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Backwards Motors" }, admin));
        var model = await IdOfAsync(await api.PostAsync("/catalog/models", new { manufacturerId = maker, name = "Reverse" }, admin));

        var problem = await AssertProblemAsync(await api.PostAsync("/catalog/variations", new { modelId = model, yearFrom = 2000, yearTo = 1999 }, admin),
            HttpStatusCode.BadRequest, "request.validation");

        Assert.Equal(CatalogInput.VariationYearToRule, problem.GetProperty("errors").GetProperty("yearTo")[0].GetString());
    }

    [Theory, BothProviders]
    public async Task Browsing_refuses_unknown_parents_and_bad_page_sizes(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);

        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/catalog/manufacturers/{Guid.NewGuid()}/models"), HttpStatusCode.NotFound, "manufacturer.not_found");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/catalog/models/{Guid.NewGuid()}/variations"), HttpStatusCode.NotFound, "model.not_found");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/catalog/manufacturers?limit=0"), HttpStatusCode.BadRequest, "paging.invalid_size");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, "/catalog/manufacturers?cursor=tampered"), HttpStatusCode.BadRequest, "paging.invalid_cursor");
    }

    [Theory, BothProviders]
    public async Task Category_writes_answer_409_for_a_taken_name_and_a_category_in_use(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var part = await PartAsync(api, admin);
        var pads = (await (await api.SendAsync(HttpMethod.Get, $"/catalog/parts/{part}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("categoryPath")[1].GetProperty("id").GetGuid();

        await AssertProblemAsync(await api.PostAsync("/catalog/categories", new { name = "brakes" }, admin), HttpStatusCode.Conflict, "catalog.name_taken");
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Delete, $"/catalog/categories/{pads}", token: admin), HttpStatusCode.Conflict, "catalog.has_children");
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Patch, $"/catalog/categories/{pads}", new { name = "Brake pads" }, admin)).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Tags_and_fitments_show_on_the_part_and_a_deleted_part_is_gone(DatabaseProvider provider)
    {
        await using var api = await ApiHarness.StartAsync(databases, provider);
        var (_, admin) = await api.AdminAsync();
        var part = await PartAsync(api, admin);
        var maker = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = "Lancia" }, admin));
        var model = await IdOfAsync(await api.PostAsync("/catalog/models", new { manufacturerId = maker, name = "Delta" }, admin));
        var variation = await IdOfAsync(await api.PostAsync("/catalog/variations", new { modelId = model, yearFrom = 1979, yearTo = 1994 }, admin));
        var pads = (await (await api.SendAsync(HttpMethod.Get, $"/catalog/parts/{part}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("categoryPath")[1].GetProperty("id").GetGuid();

        await api.SendAsync(HttpMethod.Put, $"/catalog/parts/{part}/tags", new { tags = new[] { "rally", "Classic" } }, admin);
        var fitted = await api.PostAsync($"/catalog/parts/{part}/fitments", new { variationId = variation, categoryId = pads, note = "front" }, admin);
        var twice = await api.PostAsync($"/catalog/parts/{part}/fitments", new { variationId = variation, categoryId = pads }, admin);
        var detail = await fitted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["Classic", "rally"], detail.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Delta", detail.GetProperty("compatibleVariations")[0].GetProperty("model").GetString());
        await AssertProblemAsync(twice, HttpStatusCode.Conflict, "catalog.fitment_exists");
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Delete, $"/catalog/parts/{part}", token: admin)).StatusCode);
        await AssertProblemAsync(await api.SendAsync(HttpMethod.Get, $"/catalog/parts/{part}"), HttpStatusCode.NotFound, "part.not_found");
    }

    private static async Task<HttpResponseMessage> UploadAsync(ApiHarness api, string token, Guid part, byte[] bytes, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/catalog/parts/{part}/images?fileName=front.png") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await api.Client.SendAsync(request);
    }

    /// <summary>A part of a new maker under Brakes › Pads (the categories are made once per database).</summary>
    private static async Task<Guid> PartAsync(ApiHarness api, string admin, string number = "BP-1")
    {
        var maker = await IdOfAsync(await api.PostAsync("/catalog/manufacturers", new { name = $"Maker {number}" }, admin));
        var tree = await (await api.SendAsync(HttpMethod.Get, "/catalog/categories")).Content.ReadFromJsonAsync<JsonElement>();
        Guid pads;
        if (tree.GetArrayLength() == 0)
        {
            var brakes = await IdOfAsync(await api.PostAsync("/catalog/categories", new { name = "Brakes" }, admin));
            pads = await IdOfAsync(await api.PostAsync("/catalog/categories", new { name = "Pads", parentId = brakes }, admin));
        }
        else
        {
            pads = tree[0].GetProperty("children")[0].GetProperty("id").GetGuid();
        }

        return await IdOfAsync(await api.PostAsync("/catalog/parts", new { manufacturerId = maker, partNumber = number, name = $"Pad {number}", categoryId = pads }, admin));
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
