using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Seed;

/// <summary>
/// What a catalog holds, as one hash: every row by natural keys and content — names, numbers, descriptions, relations
/// by natural key — without ids, public ids or timestamps, sorted ordinally (not by either database's collation), so
/// two databases with the same content give the same hash whichever provider holds them.
/// </summary>
internal static class CatalogContent
{
    public static async Task<string> HashAsync(TestDatabase db)
    {
        var context = db.Session.GetContext<CatalogDbContext>();
        var lines = new List<string>();
        var makers = await context.Manufacturers.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name);
        lines.AddRange(makers.Values.Select(m => $"maker|{m}"));
        var models = await context.Models.AsNoTracking().ToDictionaryAsync(m => m.Id, m => $"{makers[m.ManufacturerId]}/{m.Name}");
        lines.AddRange(models.Values.Select(m => $"model|{m}"));
        var styles = await context.BodyStyles.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name);
        var variations = await context.Variations.AsNoTracking().ToDictionaryAsync(v => v.Id,
            v => $"{models[v.ModelId]}/{v.YearFrom}-{v.YearTo}/{v.Trim}/{v.Engine}/{(v.BodyStyleId is { } s ? styles[s] : null)}");
        lines.AddRange(variations.Values.Select(v => $"variation|{v}"));
        var categoryRows = await context.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Name }).ToListAsync();
        var byId = categoryRows.ToDictionary(c => c.Id);
        string Path(long id) => byId[id].ParentId is { } parent ? $"{Path(parent)} > {byId[id].Name}" : byId[id].Name;
        var categories = categoryRows.ToDictionary(c => c.Id, c => Path(c.Id));
        lines.AddRange(categories.Values.Select(c => $"category|{c}"));
        var tags = await context.Tags.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        lines.AddRange(tags.Values.Select(t => $"tag|{t}"));
        var partRows = await context.Parts.AsNoTracking()
            .Select(p => new { p.Id, p.ManufacturerId, p.PartNumber, p.NormalizedPartNumber, p.Name, p.CategoryId, p.Description, p.Attributes }).ToListAsync();
        var parts = partRows.ToDictionary(p => p.Id, p => $"{makers[p.ManufacturerId]}/{p.NormalizedPartNumber}");
        lines.AddRange(partRows.Select(p => $"part|{parts[p.Id]}|{p.PartNumber}|{p.Name}|{categories[p.CategoryId]}|{p.Description}|{p.Attributes}"));
        lines.AddRange((await context.Fitments.AsNoTracking().Select(f => new { f.PartId, f.VariationId, f.CategoryId, f.Note }).ToListAsync())
            .Select(f => $"fits|{parts[f.PartId]}|{variations[f.VariationId]}|{categories[f.CategoryId]}|{f.Note}"));
        // Which of a pair is "low" depends on the ids the database gave: compare the pair as a sorted set.
        lines.AddRange((await context.Alternatives.AsNoTracking().Select(a => new { a.LowPartId, a.HighPartId, a.Kind }).ToListAsync())
            .Select(a => $"alternative|{string.Join(" & ", new[] { parts[a.LowPartId], parts[a.HighPartId] }.Order(StringComparer.Ordinal))}|{a.Kind}"));
        lines.AddRange((await context.PartTags.AsNoTracking().Select(t => new { t.PartId, t.TagId }).ToListAsync())
            .Select(t => $"tagged|{parts[t.PartId]}|{tags[t.TagId]}"));
        lines.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    /// <summary>Rows per demo table, to see a second run add nothing.</summary>
    public static async Task<(int Parts, int Fitments, int Alternatives, int PartTags, int Categories, int Variations)> CountsAsync(TestDatabase db)
    {
        var context = db.Session.GetContext<CatalogDbContext>();
        return (await context.Parts.CountAsync(), await context.Fitments.CountAsync(), await context.Alternatives.CountAsync(),
            await context.PartTags.CountAsync(), await context.Categories.CountAsync(), await context.Variations.CountAsync());
    }
}
