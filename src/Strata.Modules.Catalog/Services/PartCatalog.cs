using Strata.Data.Conventions;
using Strata.Data.Errors;
using Strata.Data.Repositories;
using Strata.Data.Sessions;
using Strata.Modules.Catalog.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Services;

/// <inheritdoc />
internal sealed class PartCatalog(
    DatabaseSession database,
    PartCategoryRepository categories,
    PartRepository parts,
    ManufacturerRepository manufacturers,
    ModelVariationRepository variations) : IPartCatalog
{
    private static readonly string[] Kinds = [PartAlternative.Oem, PartAlternative.Aftermarket, PartAlternative.Interchange];

    public async Task<IReadOnlyList<CategoryNode>> GetCategoryTreeAsync(CancellationToken cancellationToken = default)
    {
        var all = await categories.AllAsync(cancellationToken);
        var children = all.ToLookup(c => c.ParentId);
        return Build(null);

        IReadOnlyList<CategoryNode> Build(long? parent) => [.. children[parent].Select(c => new CategoryNode(c.PublicId, c.Name, Build(c.Id)))];
    }

    public Task<CategoryDto> CreateCategoryAsync(string name, Guid? parentId, CancellationToken cancellationToken = default)
    {
        CatalogRules.CheckName(name);
        return database.InTransactionAsync(async token =>
        {
            var parent = parentId is { } id ? await categories.GetByPublicIdAsync(id, token) : null;
            var category = await CatalogRules.SaveNamedAsync(() => categories.AddAsync(new PartCategory { Name = name, ParentId = parent?.Id }, token));
            return new CategoryDto(category.PublicId, category.Name, parent?.PublicId);
        }, cancellationToken: cancellationToken);
    }

    public Task<CategoryDto> RenameCategoryAsync(Guid categoryId, string name, CancellationToken cancellationToken = default)
    {
        CatalogRules.CheckName(name);
        return database.InTransactionAsync(async token =>
        {
            var category = await categories.GetTrackedAsync(categoryId, token);
            category.Name = name;
            await CatalogRules.SaveNamedAsync(() => categories.UpdateAsync(category, token));
            return new CategoryDto(category.PublicId, category.Name, category.ParentId is { } parent ? await categories.GetPublicIdAsync(parent, token) : null);
        }, cancellationToken: cancellationToken);
    }

    public Task DeleteCategoryAsync(Guid categoryId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token =>
        {
            var category = await categories.GetTrackedAsync(categoryId, token);
            if (await categories.HasDependantsAsync(category.Id, token))
            {
                throw new ConflictError("catalog.has_children", "The category still has sub-categories, parts or fitments.");
            }

            await categories.RemoveAsync(category, token);
        }, cancellationToken: cancellationToken);

    public Task<KeysetPage<PartListItem>> ListPartsAsync(KeysetRequest page, PartListFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!CatalogInput.IsSearch(filter.Search))
        {
            throw new ValidationError("catalog.invalid_search", "search", CatalogInput.SearchRule);
        }

        return parts.ListAsync(page, filter, cancellationToken);
    }

    public async Task<PartDetail> GetPartAsync(Guid partId, CancellationToken cancellationToken = default) =>
        // One statement, whatever the number of tags, alternatives and fitments.
        await parts.DetailAsync(partId, cancellationToken) ?? throw NotFoundError.For("part", partId);

    public async Task<PartDetail> CreatePartAsync(PartInput input, CancellationToken cancellationToken = default)
    {
        var attributes = Check(input);
        var id = await database.InTransactionAsync(async token =>
        {
            var part = new Part();
            await ApplyAsync(part, input, attributes, token);
            await SavePartAsync(() => parts.AddAsync(part, token));
            return part.PublicId;
        }, cancellationToken: cancellationToken);
        return await GetPartAsync(id, cancellationToken);
    }

    public async Task<PartDetail> UpdatePartAsync(Guid partId, PartInput input, CancellationToken cancellationToken = default)
    {
        var attributes = Check(input);
        await database.InTransactionAsync(async token =>
        {
            var part = await parts.GetTrackedAsync(partId, token);
            await ApplyAsync(part, input, attributes, token);
            await SavePartAsync(async () =>
            {
                await parts.UpdateAsync(part, token);
                return part;
            });
        }, cancellationToken: cancellationToken);
        return await GetPartAsync(partId, cancellationToken);
    }

    public Task DeletePartAsync(Guid partId, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async token => await parts.SoftDeleteAsync(await parts.GetTrackedAsync(partId, token), token), cancellationToken: cancellationToken);

    public async Task<PartDetail> AddAlternativeAsync(Guid partId, Guid alternativePartId, string kind, CancellationToken cancellationToken = default)
    {
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw new ValidationError("catalog.invalid_kind", "kind", "The kind is oem, aftermarket or interchange.");
        }

        if (partId == alternativePartId)
        {
            throw new ValidationError("catalog.alternative_self", "alternativePartId", "A part is not an alternative to itself.");
        }

        await database.InTransactionAsync(async token =>
        {
            var part = await parts.GetByPublicIdAsync(partId, token);
            var other = await parts.GetByPublicIdAsync(alternativePartId, token);
            var (low, high) = part.Id < other.Id ? (part.Id, other.Id) : (other.Id, part.Id);
            if (await parts.AlternativeExistsAsync(low, high, token))
            {
                throw AlternativeExists();
            }

            try
            {
                await parts.AddAlternativeAsync(new PartAlternative { LowPartId = low, HighPartId = high, Kind = kind }, token);
            }
            catch (ConflictError conflict)
            {
                throw AlternativeExists(conflict);
            }
        }, cancellationToken: cancellationToken);
        return await GetPartAsync(partId, cancellationToken);
    }

    public async Task<PartDetail> SetTagsAsync(Guid partId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count > 50 || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > 50))
        {
            throw new ValidationError("catalog.invalid_tags", "tags", "At most 50 tags, each 1 to 50 characters.");
        }

        await database.InTransactionAsync(async token =>
        {
            var part = await parts.GetByPublicIdAsync(partId, token);
            await parts.SetTagsAsync(part.Id, [.. tags.Select(t => t.Trim())], token);
        }, cancellationToken: cancellationToken);
        return await GetPartAsync(partId, cancellationToken);
    }

    public async Task<PartDetail> AddFitmentAsync(Guid partId, Guid variationId, Guid categoryId, string? note, CancellationToken cancellationToken = default)
    {
        if (!CatalogInput.IsFitmentNote(note))
        {
            throw new ValidationError("catalog.invalid_note", "note", CatalogInput.FitmentNoteRule);
        }

        await database.InTransactionAsync(async token =>
        {
            var part = await parts.GetByPublicIdAsync(partId, token);
            var variation = await variations.GetByPublicIdAsync(variationId, token);
            var category = await categories.GetByPublicIdAsync(categoryId, token);
            try
            {
                await parts.AddFitmentAsync(new CategoryPart { PartId = part.Id, VariationId = variation.Id, CategoryId = category.Id, Note = note?.Trim() }, token);
            }
            catch (ConflictError conflict)
            {
                throw new ConflictError("catalog.fitment_exists", "The part is already placed there for this variation.", "variationId", conflict);
            }
        }, cancellationToken: cancellationToken);
        return await GetPartAsync(partId, cancellationToken);
    }

    private static ConflictError AlternativeExists(Exception? inner = null) =>
        new("catalog.alternative_exists", "These parts are already recorded as alternatives.", "alternativePartId", inner);

    private static string? Check(PartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CatalogRules.CheckName(input.Name, CatalogLimits.PartNameMaxLength);
        if (!CatalogInput.IsPartNumber(input.PartNumber))
        {
            throw new ValidationError("catalog.invalid_part_number", "partNumber", CatalogInput.PartNumberRule);
        }

        if (!CatalogInput.IsDescription(input.Description))
        {
            throw new ValidationError("catalog.invalid_description", "description", CatalogInput.DescriptionRule);
        }

        return input.Attributes is { } attributes ? JsonObjectText.From(attributes, "catalog.invalid_attributes", "attributes") : null;
    }

    private static async Task<T> SavePartAsync<T>(Func<Task<T>> save)
    {
        try
        {
            return await save();
        }
        catch (ConflictError conflict) when (conflict.Field is not null && conflict.Field.EndsWith("partNumber", StringComparison.Ordinal))
        {
            throw new ConflictError("catalog.part_number_taken", "The manufacturer already has a part with this number.", "partNumber", conflict);
        }
    }

    private async Task ApplyAsync(Part part, PartInput input, string? attributes, CancellationToken cancellationToken)
    {
        part.ManufacturerId = (await manufacturers.GetByPublicIdAsync(input.ManufacturerId, cancellationToken)).Id;
        part.CategoryId = (await categories.GetByPublicIdAsync(input.CategoryId, cancellationToken)).Id;
        part.PartNumber = input.PartNumber;
        part.Name = input.Name.Trim();
        part.Description = input.Description?.Trim();
        part.Attributes = attributes ?? part.Attributes;
        // Through the navigation: a new canonical name has no id until the part is saved with it.
        part.PartName = string.IsNullOrWhiteSpace(input.PartName) ? null : await parts.EnsurePartNameAsync(input.PartName, cancellationToken);
        part.PartNameId = part.PartName?.Id is > 0 ? part.PartName.Id : null;
    }
}
