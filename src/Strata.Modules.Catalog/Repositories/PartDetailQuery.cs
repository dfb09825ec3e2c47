using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Strata.Data.Configuration;
using Strata.Data.Conventions;
using Strata.Modules.Catalog.Services;

namespace Strata.Modules.Catalog.Repositories;

/// <summary>
/// A part's detail — the row, its maker and canonical name, the category path, tags, alternatives and fitments — in
/// ONE statement: each list is aggregated to a JSON array by the database (<c>json_agg</c> / <c>json_group_array</c>,
/// ordered inside the aggregate), so a part page costs one round trip whatever hangs off the part, without the
/// row multiplication of joining sibling lists. The two dialects differ only in the names of the JSON functions and of
/// the tables. Soft-deleted parts, makers, models and variations are left out as the model's query filters would.
/// </summary>
internal static class PartDetailQuery
{
    private const string Template = """
        WITH RECURSIVE path (id, parent_id, public_id, name, depth) AS (
            SELECT c.id, c.parent_id, c.public_id, c.name, 0
              FROM {t}part_categories c JOIN {t}parts p ON p.category_id = c.id
             WHERE p.public_id = {0} AND p.deleted_at IS NULL
            UNION ALL
            SELECT c.id, c.parent_id, c.public_id, c.name, path.depth + 1
              FROM {t}part_categories c JOIN path ON c.id = path.parent_id
        )
        SELECT p.public_id AS "Id", p.part_number AS "PartNumber", p.name AS "Name", n.name AS "PartName",
               m.public_id AS "ManufacturerId", m.name AS "ManufacturerName", p.description AS "Description",
               p.attributes AS "Attributes", p.created_at AS "CreatedAt", p.updated_at AS "UpdatedAt",
               (SELECT COALESCE({array}({object}('id', path.public_id, 'name', path.name) ORDER BY path.depth DESC), '[]')
                  FROM path) AS "CategoryPath",
               (SELECT COALESCE({array}(t.name ORDER BY t.normalized_name), '[]')
                  FROM {t}part_tags pt JOIN {t}tags t ON t.id = pt.tag_id
                 WHERE pt.part_id = p.id) AS "Tags",
               (SELECT COALESCE({array}({object}('id', o.public_id, 'partNumber', o.part_number, 'name', o.name,
                           'manufacturerId', om.public_id, 'manufacturerName', om.name, 'kind', a.kind)
                           ORDER BY o.normalized_part_number), '[]')
                  FROM {t}part_alternatives a
                  JOIN {t}parts o ON o.id = CASE WHEN a.low_part_id = p.id THEN a.high_part_id ELSE a.low_part_id END
                   AND o.deleted_at IS NULL
                  JOIN {t}manufacturers om ON om.id = o.manufacturer_id AND om.deleted_at IS NULL
                 WHERE a.low_part_id = p.id OR a.high_part_id = p.id) AS "Alternatives",
               (SELECT COALESCE({array}({object}('variationId', v.public_id, 'manufacturer', vm.name, 'model', mo.name,
                           'yearFrom', v.year_from, 'yearTo', v.year_to, 'trim', v.trim, 'category', c.name, 'note', f.note)
                           ORDER BY vm.normalized_name, mo.normalized_name, v.year_from), '[]')
                  FROM {t}category_parts f
                  JOIN {t}model_variations v ON v.id = f.variation_id AND v.deleted_at IS NULL
                  JOIN {t}models mo ON mo.id = v.model_id AND mo.deleted_at IS NULL
                  JOIN {t}manufacturers vm ON vm.id = mo.manufacturer_id AND vm.deleted_at IS NULL
                  JOIN {t}part_categories c ON c.id = f.category_id
                 WHERE f.part_id = p.id) AS "Fitments"
          FROM {t}parts p
          JOIN {t}manufacturers m ON m.id = p.manufacturer_id AND m.deleted_at IS NULL
          LEFT JOIN {t}part_names n ON n.id = p.part_name_id
         WHERE p.public_id = {0} AND p.deleted_at IS NULL
        """;

    private static readonly string PostgresSql = Dialect("catalog.", "json_agg", "json_build_object");
    private static readonly string SqliteSql = Dialect("catalog_", "json_group_array", "json_object");

    /// <summary>The live part with this public id, in full, or null.</summary>
    public static async Task<PartDetail?> ReadAsync(CatalogDbContext context, Guid publicId, CancellationToken cancellationToken)
    {
        var sql = context.Provider == DatabaseProvider.Postgres ? PostgresSql : SqliteSql;
        var rows = await context.Database.SqlQueryRaw<PartDetailRow>(sql, publicId).ToListAsync(cancellationToken);
        return rows is [var row] ? row.ToDetail() : null;
    }

    private static string Dialect(string tablePrefix, string array, string jsonObject) => Template
        .Replace("{t}", tablePrefix, StringComparison.Ordinal)
        .Replace("{array}", array, StringComparison.Ordinal)
        .Replace("{object}", jsonObject, StringComparison.Ordinal);
}

/// <summary>The statement's one row: the part's columns, and each list as JSON text.</summary>
internal sealed class PartDetailRow
{
    public Guid Id { get; set; }

    public string PartNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? PartName { get; set; }

    public Guid ManufacturerId { get; set; }

    public string ManufacturerName { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string Attributes { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string CategoryPath { get; set; } = "[]";

    public string Tags { get; set; } = "[]";

    public string Alternatives { get; set; } = "[]";

    public string Fitments { get; set; } = "[]";

    public PartDetail ToDetail()
    {
        var json = PartDetailJson.Default;
        var alternatives = JsonSerializer.Deserialize(Alternatives, json.AlternativeRowArray)!;
        return new PartDetail(Id, PartNumber, Name, PartName, new NamedReference(ManufacturerId, ManufacturerName),
            JsonSerializer.Deserialize(CategoryPath, json.NamedReferenceArray)!, Description, JsonObjectText.Read(Attributes),
            JsonSerializer.Deserialize(Tags, json.StringArray)!,
            [.. alternatives.Select(a => new PartAlternativeDto(
                new PartSummary(a.Id, a.PartNumber, a.Name, new NamedReference(a.ManufacturerId, a.ManufacturerName)), a.Kind))],
            JsonSerializer.Deserialize(Fitments, json.CompatibleVariationArray)!,
            // Stored in UTC; a raw query's DateTime comes back unlabelled on SQLite.
            DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc));
    }
}

/// <summary>An alternative as the statement spells it.</summary>
internal sealed record AlternativeRow(Guid Id, string PartNumber, string Name, Guid ManufacturerId, string ManufacturerName, string Kind);

/// <summary>Source-generated readers for the statement's JSON lists (no reflection on a hot read).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NamedReference[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(AlternativeRow[]))]
[JsonSerializable(typeof(CompatibleVariation[]))]
internal sealed partial class PartDetailJson : JsonSerializerContext;
