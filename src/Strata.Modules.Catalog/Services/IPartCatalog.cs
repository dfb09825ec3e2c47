using Strata.Data.Repositories;

namespace Strata.Modules.Catalog.Services;

/// <summary>
/// Part categories, parts, their alternatives, tags and fitments. Refusals: 400 with the field, 404
/// <c>…not_found</c>, 409 <c>catalog.name_taken</c>, <c>catalog.part_number_taken</c>, <c>catalog.alternative_exists</c>,
/// <c>catalog.fitment_exists</c>, <c>catalog.has_children</c>.
/// </summary>
public interface IPartCatalog
{
    /// <summary>The whole category tree, roots and children by name.</summary>
    Task<IReadOnlyList<CategoryNode>> GetCategoryTreeAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a category under <paramref name="parentId"/> (or as a root); sibling names are unique.</summary>
    Task<CategoryDto> CreateCategoryAsync(string name, Guid? parentId, CancellationToken cancellationToken = default);

    /// <summary>Renames a category.</summary>
    Task<CategoryDto> RenameCategoryAsync(Guid categoryId, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a category without sub-categories, parts or fitments.</summary>
    Task DeleteCategoryAsync(Guid categoryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Live parts by name, keyset paged, filtered by <paramref name="filter"/> (filters combine); each with its maker,
    /// category path, tags and first image. The same number of commands for a page of 5 as of 100.
    /// </summary>
    Task<KeysetPage<PartListItem>> ListPartsAsync(KeysetRequest page, PartListFilter filter, CancellationToken cancellationToken = default);

    /// <summary>A part with category path, tags, alternatives and compatible variations, in a fixed number of commands.</summary>
    Task<PartDetail> GetPartAsync(Guid partId, CancellationToken cancellationToken = default);

    /// <summary>Adds a part.</summary>
    Task<PartDetail> CreatePartAsync(PartInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes a part.</summary>
    Task<PartDetail> UpdatePartAsync(Guid partId, PartInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes a part (soft).</summary>
    Task DeletePartAsync(Guid partId, CancellationToken cancellationToken = default);

    /// <summary>Records that two parts replace each other (<c>oem</c>, <c>aftermarket</c> or <c>interchange</c>); symmetric.</summary>
    Task<PartDetail> AddAlternativeAsync(Guid partId, Guid alternativePartId, string kind, CancellationToken cancellationToken = default);

    /// <summary>Replaces a part's tags; unknown tags are created.</summary>
    Task<PartDetail> SetTagsAsync(Guid partId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default);

    /// <summary>Records that a part fits a variation, under a category of that vehicle.</summary>
    Task<PartDetail> AddFitmentAsync(Guid partId, Guid variationId, Guid categoryId, string? note, CancellationToken cancellationToken = default);
}
