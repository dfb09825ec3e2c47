using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Strata.Data.Conventions;

/// <summary>
/// Keeps every <see cref="DateTime"/> in UTC: Npgsql refuses non-UTC values for <c>timestamptz</c>, and SQLite hands
/// values back as <see cref="DateTimeKind.Unspecified"/>.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => ToUtc(value),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
{
    // Unspecified is taken as UTC: that is what Strata writes, and what SQLite gives back.
    internal static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
