using System.Text.Json;
using Npgsql;

namespace Strata.Load.Baseline;

/// <summary>
/// <c>GET /catalog/parts/{id}</c> as a hand-written layer would answer it: one statement, one round trip, returning
/// the part, its maker and canonical name, the category path (root first), tags, alternatives from either side and
/// compatible variations, with the same soft-delete rules and orderings as Strata's part detail; the JSON is Strata's
/// <c>PartDetail</c>, field by field.
/// </summary>
internal static class PartDetailRoute
{
    // Lists come back as parallel arrays (one aggregate row per relation), so nothing is read twice and every value is
    // typed. An aggregate over no rows is NULL, read as an empty list.
    private const string Sql = """
        WITH RECURSIVE head AS (
            SELECT p.id, p.public_id, p.part_number, p.name, n.name AS part_name, m.public_id AS maker_id, m.name AS maker_name,
                   p.category_id, p.description, p.attributes, p.created_at, p.updated_at
            FROM catalog.parts p
            JOIN catalog.manufacturers m ON m.id = p.manufacturer_id AND m.deleted_at IS NULL
            LEFT JOIN catalog.part_names n ON n.id = p.part_name_id
            WHERE p.public_id = $1 AND p.deleted_at IS NULL
        ), path AS (
            SELECT c.id, c.parent_id, c.public_id, c.name, 0 AS depth FROM catalog.part_categories c JOIN head ON c.id = head.category_id
            UNION ALL
            SELECT c.id, c.parent_id, c.public_id, c.name, path.depth + 1 FROM catalog.part_categories c JOIN path ON c.id = path.parent_id
        )
        SELECT head.public_id, head.part_number, head.name, head.part_name, head.maker_id, head.maker_name, head.description,
               head.attributes, head.created_at, head.updated_at,
               (SELECT array_agg(path.public_id ORDER BY path.depth DESC) FROM path),
               (SELECT array_agg(path.name ORDER BY path.depth DESC) FROM path),
               ARRAY(SELECT t.name FROM catalog.part_tags pt JOIN catalog.tags t ON t.id = pt.tag_id WHERE pt.part_id = head.id ORDER BY t.normalized_name),
               alternative.ids, alternative.part_numbers, alternative.names, alternative.maker_ids, alternative.maker_names, alternative.kinds,
               fitment.ids, fitment.makers, fitment.models, fitment.years_from, fitment.years_to, fitment.trims, fitment.categories, fitment.notes
        FROM head
        CROSS JOIN LATERAL (
            SELECT array_agg(o.public_id ORDER BY o.normalized_part_number) AS ids,
                   array_agg(o.part_number ORDER BY o.normalized_part_number) AS part_numbers,
                   array_agg(o.name ORDER BY o.normalized_part_number) AS names,
                   array_agg(om.public_id ORDER BY o.normalized_part_number) AS maker_ids,
                   array_agg(om.name ORDER BY o.normalized_part_number) AS maker_names,
                   array_agg(a.kind ORDER BY o.normalized_part_number) AS kinds
            FROM catalog.part_alternatives a
            JOIN catalog.parts o ON o.id = CASE WHEN a.low_part_id = head.id THEN a.high_part_id ELSE a.low_part_id END AND o.deleted_at IS NULL
            JOIN catalog.manufacturers om ON om.id = o.manufacturer_id AND om.deleted_at IS NULL
            WHERE a.low_part_id = head.id OR a.high_part_id = head.id
        ) alternative
        CROSS JOIN LATERAL (
            SELECT array_agg(v.public_id ORDER BY vm.normalized_name, mo.normalized_name, v.year_from) AS ids,
                   array_agg(vm.name ORDER BY vm.normalized_name, mo.normalized_name, v.year_from) AS makers,
                   array_agg(mo.name ORDER BY vm.normalized_name, mo.normalized_name, v.year_from) AS models,
                   array_agg(v.year_from ORDER BY vm.normalized_name, mo.normalized_name, v.year_from) AS years_from,
                   array_agg(v.year_to ORDER BY vm.normalized_name, mo.normalized_name, v.year_from) AS years_to,
                   array_agg(v.trim ORDER BY vm.normalized_name, mo.normalized_name, v.year_from) AS trims,
                   array_agg(c.name ORDER BY vm.normalized_name, mo.normalized_name, v.year_from) AS categories,
                   array_agg(f.note ORDER BY vm.normalized_name, mo.normalized_name, v.year_from) AS notes
            FROM catalog.category_parts f
            JOIN catalog.model_variations v ON v.id = f.variation_id AND v.deleted_at IS NULL
            JOIN catalog.models mo ON mo.id = v.model_id AND mo.deleted_at IS NULL
            JOIN catalog.manufacturers vm ON vm.id = mo.manufacturer_id AND vm.deleted_at IS NULL
            JOIN catalog.part_categories c ON c.id = f.category_id
            WHERE f.part_id = head.id
        ) fitment
        """;

    public static IEndpointRouteBuilder MapPartDetail(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/catalog/parts/{id:guid}", GetAsync);
        return routes;
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return JsonResponse.Problem(StatusCodes.Status404NotFound, "part.not_found", "The resource does not exist.");
        }

        await JsonResponse.WriteAsync(http.Response, reader, Write, cancellationToken);
        return Results.Empty;
    }

    private static void Write(Utf8JsonWriter json, NpgsqlDataReader row)
    {
        json.WriteStartObject();
        json.WriteString("id", row.GetGuid(0));
        json.WriteString("partNumber", row.GetString(1));
        json.WriteString("name", row.GetString(2));
        WriteNullable(json, "partName", row, 3);
        json.WritePropertyName("manufacturer");
        WriteReference(json, row.GetGuid(4), row.GetString(5));

        json.WriteStartArray("categoryPath");
        var pathIds = Array<Guid>(row, 10);
        var pathNames = Array<string>(row, 11);
        for (var i = 0; i < pathIds.Length; i++)
        {
            WriteReference(json, pathIds[i], pathNames[i]);
        }

        json.WriteEndArray();
        WriteNullable(json, "description", row, 6);
        json.WritePropertyName("attributes");
        // The column holds a JSON object Strata validated and compacted on the way in: written as it is stored.
        json.WriteRawValue(row.GetString(7), skipInputValidation: true);

        json.WriteStartArray("tags");
        foreach (var tag in Array<string>(row, 12))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();

        json.WriteStartArray("alternatives");
        var ids = Array<Guid>(row, 13);
        var numbers = Array<string>(row, 14);
        var names = Array<string>(row, 15);
        var makerIds = Array<Guid>(row, 16);
        var makerNames = Array<string>(row, 17);
        var kinds = Array<string>(row, 18);
        for (var i = 0; i < ids.Length; i++)
        {
            json.WriteStartObject();
            json.WriteStartObject("part");
            json.WriteString("id", ids[i]);
            json.WriteString("partNumber", numbers[i]);
            json.WriteString("name", names[i]);
            json.WritePropertyName("manufacturer");
            WriteReference(json, makerIds[i], makerNames[i]);
            json.WriteEndObject();
            json.WriteString("kind", kinds[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("compatibleVariations");
        var variations = Array<Guid>(row, 19);
        var makers = Array<string>(row, 20);
        var models = Array<string>(row, 21);
        var yearsFrom = Array<int>(row, 22);
        var yearsTo = Array<int?>(row, 23);
        var trims = Array<string?>(row, 24);
        var categories = Array<string>(row, 25);
        var notes = Array<string?>(row, 26);
        for (var i = 0; i < variations.Length; i++)
        {
            json.WriteStartObject();
            json.WriteString("variationId", variations[i]);
            json.WriteString("manufacturer", makers[i]);
            json.WriteString("model", models[i]);
            json.WriteNumber("yearFrom", yearsFrom[i]);
            if (yearsTo[i] is { } yearTo)
            {
                json.WriteNumber("yearTo", yearTo);
            }
            else
            {
                json.WriteNull("yearTo");
            }

            json.WriteString("trim", trims[i]);
            json.WriteString("category", categories[i]);
            json.WriteString("note", notes[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("createdAt", row.GetDateTime(8));
        json.WriteString("updatedAt", row.GetDateTime(9));
        json.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter json, Guid id, string name)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, NpgsqlDataReader row, int ordinal)
    {
        if (row.IsDBNull(ordinal))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, row.GetString(ordinal));
        }
    }

    private static T[] Array<T>(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? [] : row.GetFieldValue<T[]>(ordinal);
}
