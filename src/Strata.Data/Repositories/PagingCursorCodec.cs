using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Strata.Data.Errors;

namespace Strata.Data.Repositories;

/// <summary>
/// Encodes keyset cursors (sort spelling, last sort key, last public id) as opaque, authenticated strings with
/// ASP.NET Core Data Protection: a cursor that was altered, forged or made for another sort is a 400, never a query.
/// A singleton of <c>AddStrata</c>; module repositories take it by injection and hand it to
/// <see cref="Repository{TEntity}"/>, which alone encodes and decodes.
/// </summary>
public sealed class PagingCursorCodec
{
    private readonly IDataProtector _protector;

    internal PagingCursorCodec(IDataProtectionProvider dataProtection) =>
        _protector = dataProtection.CreateProtector("Strata.Paging.Cursor.v1");

    internal string Encode(KeysetCursor cursor) =>
        Base64Url.EncodeToString(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(cursor)));

    internal KeysetCursor Decode(string cursor, string expectedSort)
    {
        KeysetCursor? decoded;
        try
        {
            decoded = JsonSerializer.Deserialize<KeysetCursor>(_protector.Unprotect(Base64Url.DecodeFromChars(cursor)));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or JsonException)
        {
            throw Invalid("The cursor is not valid; request the first page again without a cursor.");
        }

        if (decoded is null)
        {
            throw Invalid("The cursor is not valid; request the first page again without a cursor.");
        }

        return decoded.Sort == expectedSort
            ? decoded
            : throw Invalid($"The cursor was made for sort '{decoded.Sort}'; use the same sort or start again without a cursor.");
    }

    private static ValidationError Invalid(string message) => new("paging.invalid_cursor", "cursor", message);
}

/// <summary>What a keyset cursor carries.</summary>
/// <param name="Sort">Canonical sort spelling (<c>-createdAt</c>).</param>
/// <param name="Key">The last row's sort key.</param>
/// <param name="PublicId">The last row's public id (the tie-breaker).</param>
internal sealed record KeysetCursor(string Sort, JsonElement Key, Guid PublicId);
