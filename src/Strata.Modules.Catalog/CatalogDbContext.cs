using Microsoft.EntityFrameworkCore;
using Strata.Data.Conventions;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog;

internal abstract class CatalogDbContext(DbContextOptions options) : StrataDbContext<CatalogModule>(options)
{
    public DbSet<Manufacturer> Manufacturers => Set<Manufacturer>();

    public DbSet<VehicleModel> Models => Set<VehicleModel>();

    public DbSet<ModelVariation> Variations => Set<ModelVariation>();

    public DbSet<BodyStyle> BodyStyles => Set<BodyStyle>();

    public DbSet<Color> Colors => Set<Color>();

    public DbSet<VinPrefix> VinPrefixes => Set<VinPrefix>();

    public DbSet<VehicleHierarchyAudit> HierarchyAudit => Set<VehicleHierarchyAudit>();

    public DbSet<PartCategory> Categories => Set<PartCategory>();

    public DbSet<PartName> PartNames => Set<PartName>();

    public DbSet<Part> Parts => Set<Part>();

    public DbSet<CategoryPart> Fitments => Set<CategoryPart>();

    public DbSet<PartAlternative> Alternatives => Set<PartAlternative>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<PartTag> PartTags => Set<PartTag>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<VariationCategory> VariationCategories => Set<VariationCategory>();

    public DbSet<VariationCategoryLink> VariationCategoryLinks => Set<VariationCategoryLink>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ManufacturerConfiguration());
        modelBuilder.ApplyConfiguration(new VehicleModelConfiguration());
        modelBuilder.ApplyConfiguration(new ModelVariationConfiguration());
        modelBuilder.ApplyConfiguration(new BodyStyleConfiguration());
        modelBuilder.ApplyConfiguration(new ColorConfiguration());
        modelBuilder.ApplyConfiguration(new VinPrefixConfiguration());
        modelBuilder.ApplyConfiguration(new VehicleHierarchyAuditConfiguration());
        modelBuilder.ApplyConfiguration(new PartCategoryConfiguration());
        modelBuilder.ApplyConfiguration(new PartNameConfiguration());
        modelBuilder.ApplyConfiguration(new PartConfiguration());
        modelBuilder.ApplyConfiguration(new CategoryPartConfiguration());
        modelBuilder.ApplyConfiguration(new PartAlternativeConfiguration());
        modelBuilder.ApplyConfiguration(new TagConfiguration());
        modelBuilder.ApplyConfiguration(new PartTagConfiguration());
        modelBuilder.ApplyConfiguration(new StoredFileConfiguration());
        modelBuilder.ApplyConfiguration(new ImportRunConfiguration());
        modelBuilder.ApplyConfiguration(new VariationCategoryConfiguration());
        modelBuilder.ApplyConfiguration(new VariationCategoryLinkConfiguration());
    }
}
