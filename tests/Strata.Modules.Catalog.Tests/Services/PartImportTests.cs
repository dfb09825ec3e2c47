using System.Text;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>Bulk import: upsert by maker and part number, row-level reports, all-or-nothing, the run record; both providers.</summary>
public sealed class PartImportTests(CatalogTestDatabases databases)
{
    private const string Header = "manufacturer,partNumber,name,category,description,attributes";

    private static readonly string ThreeParts = Csv(
        "Bosch,BP-100,Brake pad,Brakes > Pads,Ceramic front pads,\"{\"\"axle\"\":\"\"front\"\"}\"",
        "bosch,BD-200,Brake disc,brakes > discs,,",
        "Valeo,WB-300,Wiper blade,Body,Winter wiper,");

    [Theory, BothProviders]
    public async Task A_csv_file_adds_its_parts_and_answers_the_counts(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var run = await ImportCsvAsync(db, ThreeParts);

        Assert.Equal((PartImportOutcomes.Completed, 3L, 3L, 0L, 0L, 0L), (run.Outcome, run.Rows, run.Inserted, run.Updated, run.Unchanged, run.Rejected));
        var parts = (await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items;
        Assert.Equal(["Brake disc", "Brake pad", "Wiper blade"], parts.Select(p => p.Name));
        Assert.Equal(["Brakes", "Pads"], parts[1].CategoryPath.Select(c => c.Name));
        var pad = await db.Get<IPartCatalog>().GetPartAsync(parts[1].Id);
        Assert.Equal(("Ceramic front pads", "front"), (pad.Description, pad.Attributes.GetProperty("axle").GetString()));
    }

    [Theory, BothProviders]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        await ImportCsvAsync(db, ThreeParts);
        var before = await DetailsAsync(db);

        var again = await ImportCsvAsync(db, ThreeParts);

        Assert.Equal((PartImportOutcomes.Completed, 0L, 0L, 3L), (again.Outcome, again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(before, await DetailsAsync(db));
    }

    [Theory, BothProviders]
    public async Task A_changed_row_updates_that_part_only(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        await ImportCsvAsync(db, ThreeParts);
        var before = await DetailsAsync(db);

        var run = await ImportCsvAsync(db, ThreeParts.Replace("Wiper blade,Body,Winter wiper", "Wiper blade 600 mm,Body,Winter wiper", StringComparison.Ordinal));

        Assert.Equal((0L, 1L, 2L), (run.Inserted, run.Updated, run.Unchanged));
        var after = await DetailsAsync(db);
        Assert.Equal(before.Take(2), after.Take(2));
        Assert.Equal("Wiper blade 600 mm", after[2].Name);
        Assert.True(after[2].UpdatedAt > before[2].UpdatedAt);
    }

    [Theory, BothProviders]
    public async Task A_part_number_written_with_other_separators_updates_the_same_part(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        await ImportCsvAsync(db, Csv("Bosch,04465-33450,Brake pad,Brakes > Pads,,"));

        var run = await ImportCsvAsync(db, Csv("Bosch,0446533450,Brake pad,Brakes > Pads,,"));

        Assert.Equal((0L, 1L), (run.Inserted, run.Updated));
        Assert.Equal("0446533450", Assert.Single((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items).PartNumber);
    }

    [Theory, BothProviders]
    public async Task Rejected_rows_are_reported_by_line_field_and_reason_and_the_good_rows_imported(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var run = await ImportCsvAsync(db, Csv(
            "Bosch,BP-100,Brake pad,Brakes > Pads,,",
            "Nobody,X-1,Brake pad,Brakes > Pads,,",
            "Bosch,---,Brake pad,Brakes > Pads,,",
            "Bosch,X-3,,Brakes > Pads,,",
            "Bosch,X-4,Brake pad,Brakes > Nowhere,,",
            "Bosch,X-5,Brake\u0000pad,Brakes > Pads,,",
            "Bosch,X-6,Brake pad,Brakes > Pads,,[1]",
            "Bosch,X-7,Brake pad,Brakes > Pads," + new string('d', CatalogLimits.DescriptionMaxLength + 1) + ",",
            "Bosch,bp 100,Brake pad again,Brakes > Pads,,",
            "Valeo,WB-300,Wiper blade,Body,,"));

        Assert.Equal((PartImportOutcomes.CompletedWithRejections, 10L, 2L, 8L), (run.Outcome, run.Rows, run.Inserted, run.Rejected));
        Assert.Equal(
            [
                (3L, "manufacturer", "catalog.unknown_manufacturer"), (4L, "partNumber", "catalog.invalid_part_number"), (5L, "name", "catalog.invalid_name"),
                (6L, "category", "catalog.unknown_category"), (7L, "name", "request.invalid_text"), (8L, "attributes", "catalog.invalid_attributes"),
                (9L, "description", "catalog.invalid_description"), (10L, null, "catalog.duplicate_row"),
            ],
            run.Rejections.Select(r => (r.Line, r.Field, r.Code)));
        Assert.Contains("Line 2", run.Rejections[^1].Reason, StringComparison.Ordinal);
        Assert.Equal(["Brake pad", "Wiper blade"], (await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items.Select(p => p.Name));
    }

    [Theory, BothProviders]
    public async Task All_or_nothing_imports_nothing_when_a_row_is_rejected_and_records_the_refusal(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var run = await db.Get<IPartImports>().ImportAsync(
            Utf8(Csv("Bosch,BP-100,Brake pad,Brakes > Pads,,", "Nobody,X-1,Brake pad,Brakes > Pads,,")), PartImportFormats.Csv, new PartImportOptions("parts.csv", AllOrNothing: true));

        Assert.Equal((PartImportOutcomes.Refused, 0L, 1L), (run.Outcome, run.Inserted, run.Rejected));
        Assert.Empty((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items);
        Assert.Equal(PartImportOutcomes.Refused, (await db.Get<IPartImports>().GetRunAsync(run.Id)).Outcome);
    }

    [Theory, BothProviders]
    public async Task Every_rejected_row_is_counted_and_the_first_thousand_kept(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var run = await ImportCsvAsync(db, Csv([.. Enumerable.Range(0, 1_200).Select(i => $"Nobody,X-{i},Part {i},Body,,")]));

        Assert.Equal((1_200L, 1_000), (run.Rejected, run.Rejections.Count));
        Assert.Equal(2L, run.Rejections[0].Line);
    }

    [Theory, BothProviders]
    public async Task Json_lines_import_like_csv_with_attributes_as_objects(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var lines = string.Join('\n',
            """{"manufacturer":"Bosch","partNumber":12345,"name":"Brake pad","category":"Brakes > Pads","attributes":{"axle":"front"}}""",
            "",
            """{"manufacturer":"Bosch","partNumber":"X-2","name":"Disc","category":"Brakes > Discs","colour":"red"}""",
            """not json""",
            """["an array"]""",
            """{"manufacturer":"Bosch","partNumber":"X-6","name":"\ud800","category":"Brakes > Discs"}""");

        var run = await db.Get<IPartImports>().ImportAsync(Utf8(lines), PartImportFormats.JsonLines, new PartImportOptions("parts.jsonl"));

        Assert.Equal((5L, 1L), (run.Rows, run.Inserted));
        Assert.Equal(
            [(3L, "colour", "catalog.unknown_field"), (4L, null, "catalog.invalid_row"), (5L, null, "catalog.invalid_row"), (6L, "name", "request.invalid_text")],
            run.Rejections.Select(r => (r.Line, r.Field, r.Code)));
        var pad = Assert.Single((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items);
        Assert.Equal("front", (await db.Get<IPartCatalog>().GetPartAsync(pad.Id)).Attributes.GetProperty("axle").GetString());
    }

    [Theory, BothProviders]
    public async Task Makers_and_categories_may_be_named_by_public_id(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);

        var run = await ImportCsvAsync(db, Csv($"{shop.Bosch},BP-100,Brake pad,{shop.Pads},,"));

        Assert.Equal(1L, run.Inserted);
        Assert.Single((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter(CategoryId: shop.Pads, ManufacturerId: shop.Bosch))).Items);
    }

    [Theory, BothProviders]
    public async Task Imported_parts_are_found_by_search(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        await ImportCsvAsync(db, ThreeParts);

        var found = await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter(Search: "ceramic"));

        Assert.Equal(["Brake pad"], found.Items.Select(p => p.Name));
    }

    [Theory, BothProviders]
    public async Task A_deleted_part_s_number_is_imported_as_a_new_part(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        await ImportCsvAsync(db, Csv("Bosch,BP-100,Brake pad,Brakes > Pads,,"));
        var old = Assert.Single((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items);
        await db.Get<IPartCatalog>().DeletePartAsync(old.Id);

        var run = await ImportCsvAsync(db, Csv("Bosch,BP-100,Brake pad,Brakes > Pads,,"));

        Assert.Equal(1L, run.Inserted);
        Assert.NotEqual(old.Id, Assert.Single((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items).Id);
    }

    [Theory, BothProviders]
    public async Task A_csv_header_without_the_required_fields_refuses_the_file_and_records_nothing(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var error = await Assert.ThrowsAsync<ValidationError>(() => ImportCsvAsync(db, "manufacturer,name\nBosch,Brake pad\n"));

        Assert.Equal(("catalog.invalid_import_file", "file"), (error.Code, Assert.Single(error.Errors.Keys)));
        Assert.Contains("partNumber", error.Message, StringComparison.Ordinal);
        Assert.Empty((await db.Get<IPartImports>().ListRunsAsync(new KeysetRequest())).Items);
    }

    [Theory, BothProviders]
    public async Task A_csv_header_with_an_unknown_field_refuses_the_file(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var error = await Assert.ThrowsAsync<ValidationError>(() => ImportCsvAsync(db, Header + ",descripton\n"));

        Assert.Contains("'descripton'", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_file_that_is_not_utf8_refuses_the_import_and_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        byte[] latin1 = [.. Encoding.UTF8.GetBytes(Csv("Bosch,BP-100,Brake pad,Brakes > Pads,,")), .. "Bosch,X-2,Bremsbel"u8, 0xE4, .. "ge,Brakes > Pads,,\n"u8];

        var error = await Assert.ThrowsAsync<ValidationError>(() =>
            db.Get<IPartImports>().ImportAsync(new MemoryStream(latin1), PartImportFormats.Csv, new PartImportOptions("latin1.csv")));

        Assert.Equal("catalog.invalid_import_file", error.Code);
        Assert.Empty((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items);
    }

    [Theory, BothProviders]
    public async Task A_csv_row_with_more_fields_than_the_header_is_rejected_not_shifted_unless_the_extra_fields_are_empty(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var run = await ImportCsvAsync(db, "manufacturer,partNumber,name,category\nBosch,BP-100,Brake pad, front,Brakes > Pads\nBosch,BP-200,Brake disc,Brakes,,\n");

        Assert.Equal((1L, 1L), (run.Inserted, run.Rejected));
        Assert.Equal((2L, "catalog.invalid_row"), (run.Rejections[0].Line, run.Rejections[0].Code));
    }

    [Theory, BothProviders]
    public async Task A_byte_order_mark_before_a_quoted_header_and_blank_lines_are_no_rows(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        byte[] file = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("\"manufacturer\",\"partNumber\",\"name\",\"category\"\n\nBosch,BP-100,Brake pad,Brakes > Pads\n  \n\n")];

        var run = await db.Get<IPartImports>().ImportAsync(new MemoryStream(file), PartImportFormats.Csv, new PartImportOptions("excel.csv", AllOrNothing: true));

        Assert.Equal((PartImportOutcomes.Completed, 1L, 1L), (run.Outcome, run.Rows, run.Inserted));
    }

    [Theory, BothProviders]
    public async Task A_part_number_of_white_space_only_is_rejected_and_one_with_white_space_around_it_is_the_same_part(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        await ImportCsvAsync(db, Csv("Bosch,BP-100,Brake pad,Brakes > Pads,,"));

        var run = await db.Get<IPartImports>().ImportAsync(Utf8(string.Join('\n',
                """{"manufacturer":"Bosch","partNumber":"\t","name":"Pad","category":"Brakes > Pads"}""",
                """{"manufacturer":"Bosch","partNumber":" BP-100\t","name":"Brake pad","category":"Brakes > Pads"}""")),
            PartImportFormats.JsonLines, new PartImportOptions("parts.jsonl"));

        Assert.Equal((0L, 0L, 1L), (run.Inserted, run.Updated, run.Unchanged));
        Assert.Equal((1L, "partNumber", "catalog.invalid_part_number"), (run.Rejections[0].Line, run.Rejections[0].Field, run.Rejections[0].Code));
    }

    [Theory, BothProviders]
    public async Task A_category_path_two_categories_share_is_refused_and_their_ids_still_work(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var shop = await ShopAsync(db);
        await db.Get<IPartCatalog>().CreateCategoryAsync("Brakes > Pads", null);

        var run = await ImportCsvAsync(db, Csv("Bosch,BP-100,Brake pad,Brakes > Pads,,", $"Bosch,BP-200,Brake pad,{shop.Pads},,"));

        Assert.Equal((1L, 1L), (run.Inserted, run.Rejected));
        Assert.Equal((2L, "catalog.unknown_category"), (run.Rejections[0].Line, run.Rejections[0].Code));
    }

    [Theory, BothProviders]
    public async Task Rows_given_by_code_with_a_repeated_line_number_are_still_told_apart(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var run = await db.Get<IPartImports>().ImportRowsAsync(
            new[] { new PartImportRow(1, "Bosch", "BP-100", "Brake pad", "Brakes > Pads"), new PartImportRow(1, "Bosch", "BP-100", "Brake pad 2", "Brakes > Pads"),
                    new PartImportRow(1, "Bosch", "BP-200", "Brake disc", "Brakes > Pads") }.ToAsyncEnumerable(),
            new PartImportOptions("code"));

        Assert.Equal((2L, 1L), (run.Inserted, run.Rejected));
        Assert.Equal("catalog.duplicate_row", Assert.Single(run.Rejections).Code);
    }

    [Theory, BothProviders]
    public async Task A_json_line_longer_than_any_part_refuses_the_file_with_its_line(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var lines = """{"manufacturer":"Bosch","partNumber":"BP-1","name":"Pad","category":"Brakes > Pads"}""" + "\r\n" + new string(' ', 70_000) + "{}";

        var error = await Assert.ThrowsAsync<ValidationError>(() =>
            db.Get<IPartImports>().ImportAsync(Utf8(lines), PartImportFormats.JsonLines, new PartImportOptions("long.jsonl")));

        Assert.Equal("catalog.invalid_import_file", error.Code);
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task An_empty_csv_file_refuses_the_import_for_want_of_a_header(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var error = await Assert.ThrowsAsync<ValidationError>(() => ImportCsvAsync(db, string.Empty));

        Assert.Contains("header row", error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_csv_record_longer_than_any_part_refuses_the_file_with_its_line(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);

        var error = await Assert.ThrowsAsync<ValidationError>(() =>
            ImportCsvAsync(db, Csv("Bosch,BP-100,Brake pad,Brakes > Pads,,", "Bosch,BP-200,Brake disc,Brakes > Pads," + new string('d', 70_000) + ",")));

        Assert.Equal("catalog.invalid_import_file", error.Code);
        Assert.Contains("at line 3", error.Message, StringComparison.Ordinal);
        Assert.Empty((await db.Get<IPartCatalog>().ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items);
    }

    [Theory, BothProviders]
    public async Task Runs_are_kept_and_listed_newest_first(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await ShopAsync(db);
        var first = await ImportCsvAsync(db, ThreeParts, "first.csv");
        var second = await ImportCsvAsync(db, ThreeParts, "second.csv");

        var runs = await db.Get<IPartImports>().ListRunsAsync(new KeysetRequest());

        Assert.Equal([second.Id, first.Id], runs.Items.Select(r => r.Id));
        Assert.Equal(("second.csv", PartImportFormats.Csv, 3L), (runs.Items[0].SourceName, runs.Items[0].Format, runs.Items[0].Unchanged));
    }

    [Theory, BothProviders]
    public async Task An_unknown_format_or_a_blank_source_name_is_refused(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var imports = db.Get<IPartImports>();

        Assert.Equal("catalog.invalid_import_format",
            (await Assert.ThrowsAsync<ValidationError>(() => imports.ImportAsync(Utf8(Header), "xlsx", new PartImportOptions("a.xlsx")))).Code);
        Assert.Equal("catalog.invalid_source_name",
            (await Assert.ThrowsAsync<ValidationError>(() => imports.ImportAsync(Utf8(Header), PartImportFormats.Csv, new PartImportOptions(" ")))).Code);
    }

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static Task<PartImportRun> ImportCsvAsync(TestDatabase db, string csv, string source = "parts.csv") =>
        db.Get<IPartImports>().ImportAsync(Utf8(csv), PartImportFormats.Csv, new PartImportOptions(source));

    // By part number: every field an import may change, and when the part last changed.
    private static async Task<IReadOnlyList<(string PartNumber, string Name, string? Description, string Attributes, DateTime UpdatedAt)>> DetailsAsync(TestDatabase db)
    {
        var parts = db.Get<IPartCatalog>();
        var list = (await parts.ListPartsAsync(new KeysetRequest(), new PartListFilter())).Items.OrderBy(p => p.PartNumber, StringComparer.Ordinal);
        var details = new List<(string, string, string?, string, DateTime)>();
        foreach (var item in list)
        {
            var part = await parts.GetPartAsync(item.Id);
            details.Add((part.PartNumber, part.Name, part.Description, part.Attributes.GetRawText(), part.UpdatedAt));
        }

        return details;
    }

    /// <summary>Bosch and Valeo; categories Brakes › Pads, Brakes › Discs and Body.</summary>
    private static async Task<(Guid Bosch, Guid Pads)> ShopAsync(TestDatabase db)
    {
        var parts = db.Get<IPartCatalog>();
        var brakes = await parts.CreateCategoryAsync("Brakes", null);
        var pads = await parts.CreateCategoryAsync("Pads", brakes.Id);
        await parts.CreateCategoryAsync("Discs", brakes.Id);
        await parts.CreateCategoryAsync("Body", null);
        var makers = db.Get<IManufacturerCatalog>();
        var bosch = await makers.CreateManufacturerAsync(new ManufacturerInput("Bosch", "DE"));
        await makers.CreateManufacturerAsync(new ManufacturerInput("Valeo", "FR"));
        return (bosch.Id, pads.Id);
    }
}
