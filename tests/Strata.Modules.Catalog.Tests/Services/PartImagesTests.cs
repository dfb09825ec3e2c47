using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Strata.Data.Configuration;
using Strata.Data.Errors;
using Strata.Modules.Catalog.Services;
using Strata.Testing;

namespace Strata.Modules.Catalog.Tests.Services;

/// <summary>Part images on the local-disk storage: types from the bytes, the size limit, nothing left behind on refusal.</summary>
public sealed class PartImagesTests(CatalogTestDatabases databases) : IDisposable
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"strata-files-{Guid.NewGuid():N}");

    [Theory, BothProviders]
    public async Task An_image_is_stored_with_the_type_its_bytes_show_its_size_and_hash(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider, Settings(4096));
        var part = await PartAsync(db);
        byte[] png = [.. PngMagic, .. RandomNumberGenerator.GetBytes(500)];

        var stored = await db.Get<IPartImages>().AttachAsync(part, "front.jpg", new MemoryStream(png));
        var (file, content) = await db.Get<IPartImages>().OpenAsync(part, stored.Id);
        await using var read = new MemoryStream();
        await using (content)
        {
            await content.CopyToAsync(read);
        }

        Assert.Equal(("image/png", 508L, Convert.ToHexStringLower(SHA256.HashData(png))), (stored.ContentType, stored.SizeBytes, stored.Sha256));
        Assert.Equal("front.jpg", file.OriginalName);
        Assert.Equal(png, read.ToArray());
    }

    [Theory, BothProviders]
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_kept(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider, Settings(1024));
        var part = await PartAsync(db);

        var refusal = await Assert.ThrowsAsync<PayloadTooLargeError>(() =>
            db.Get<IPartImages>().AttachAsync(part, "huge.png", new MemoryStream([.. PngMagic, .. new byte[1017]])));

        Assert.Equal(("catalog.file_too_large", 413), (refusal.Code, refusal.Status));
        Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Table("catalog", "files")}"));
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Any());
    }

    [Theory, BothProviders]
    public async Task A_file_at_the_limit_is_accepted(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider, Settings(1024));
        var part = await PartAsync(db);

        var stored = await db.Get<IPartImages>().AttachAsync(part, "exact.png", new MemoryStream([.. PngMagic, .. new byte[1016]]));

        Assert.Equal(1024, stored.SizeBytes);
    }

    [Theory, BothProviders]
    public async Task Bytes_that_are_not_an_image_are_refused_whatever_the_name(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider, Settings(4096));
        var part = await PartAsync(db);
        var images = db.Get<IPartImages>();

        var text = await Assert.ThrowsAsync<UnsupportedMediaTypeError>(() => images.AttachAsync(part, "photo.png", new MemoryStream("not an image at all"u8.ToArray())));
        var pdf = await Assert.ThrowsAsync<UnsupportedMediaTypeError>(() => images.AttachAsync(part, "sheet.png", new MemoryStream("%PDF-1.7 …"u8.ToArray())));

        Assert.Equal(("catalog.unsupported_file_type", 415), (text.Code, text.Status));
        Assert.Equal("catalog.unsupported_file_type", pdf.Code);
    }

    [Theory, BothProviders]
    public async Task Deleting_an_image_removes_its_metadata_and_bytes(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider, Settings(4096));
        var part = await PartAsync(db);
        var images = db.Get<IPartImages>();
        var stored = await images.AttachAsync(part, "a.gif", new MemoryStream([.. "GIF89a"u8.ToArray(), 1, 2, 3]));

        await images.DeleteAsync(part, stored.Id);

        Assert.Empty(await images.ListAsync(part));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings(long maxBytes) => new()
    {
        ["Strata:Catalog:Files:Directory"] = _folder,
        ["Strata:Catalog:Files:MaxBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<Guid> PartAsync(TestDatabase db)
    {
        var maker = await db.Get<IManufacturerCatalog>().CreateManufacturerAsync(new ManufacturerInput("Valeo", "FR"));
        var category = await db.Get<IPartCatalog>().CreateCategoryAsync("Lighting", null);
        return (await db.Get<IPartCatalog>().CreatePartAsync(new PartInput(maker.Id, "LAMP-1", "Headlamp", category.Id))).Id;
    }
}
