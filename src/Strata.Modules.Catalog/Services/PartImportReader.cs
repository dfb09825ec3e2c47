using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Strata.Data.Conventions;
using Strata.Data.Errors;
using Sylvan.Data.Csv;

namespace Strata.Modules.Catalog.Services;

/// <summary>A row read from an import file, or why its line could not be read as one.</summary>
internal readonly record struct ReadRow(PartImportRow? Row, PartImportRejection? Rejection);

/// <summary>
/// Reads an import file front to back, one row at a time: CSV with Sylvan.Data.Csv, JSON lines with
/// <see cref="JsonDocument"/> per line. Fields are matched by name without case, spaces, hyphens and underscores
/// (<c>partNumber</c>, <c>part_number</c>, <c>Part Number</c>). What spoils a row is answered as that row's rejection;
/// what spoils the file (not UTF-8, a CSV header without the required fields or with unknown ones, broken CSV quoting,
/// a record longer than any valid row) is a 400 <c>catalog.invalid_import_file</c> naming the line.
/// </summary>
internal static class PartImportReader
{
    /// <summary>The fields a row may have, as the docs and errors name them.</summary>
    public static readonly string[] Fields = ["manufacturer", "partNumber", "name", "category", "description", "attributes"];

    private static readonly string[] RequiredFields = ["manufacturer", "partNumber", "name", "category"];

    // Larger than any valid row (a 4 000-character description and 16 KiB of attributes, as UTF-16) with room to spare;
    // a CSV record or JSON line that does not fit is no part.
    private const int CsvBufferChars = 64 * 1024;

    private const string InvalidFileCode = "catalog.invalid_import_file";

    /// <summary>The rows of a CSV stream with a header row.</summary>
    public static async IAsyncEnumerable<ReadRow> ReadCsvAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = Utf8(content);
        CsvDataReader csv;
        try
        {
            csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { Delimiter = ',', BufferSize = CsvBufferChars }, cancellationToken);
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvRecordTooLargeException or DecoderFallbackException)
        {
            throw InvalidFile("The header row cannot be read: " + Describe(ex));
        }

        await using (csv)
        {
            var columns = MapHeader(csv);
            while (true)
            {
                try
                {
                    if (!await csv.ReadAsync(cancellationToken))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is CsvFormatException or CsvRecordTooLargeException or DecoderFallbackException)
                {
                    throw InvalidFile($"The record at line {csv.RowNumber + 1} cannot be read: {Describe(ex)}");
                }

                // Sylvan numbers records after the header from 1; the header is line 1.
                var line = csv.RowNumber + 1;
                if (IsBlank(csv))
                {
                    // A blank line is no row, as in JSON lines (Sylvan reads it as one empty field).
                    continue;
                }

                // Extra fields that are all empty (a trailing comma, as spreadsheets export) shift nothing.
                if (csv.RowFieldCount > csv.FieldCount && !IsBlank(csv, from: csv.FieldCount))
                {
                    // An unquoted comma in a value: every field after it would land in the wrong column.
                    yield return Refused(line, null, "catalog.invalid_row",
                        $"The row has {csv.RowFieldCount} fields and the header {csv.FieldCount}; quote a value that holds a comma.");
                    continue;
                }

                string? Field(string name) =>
                    columns.TryGetValue(name, out var ordinal) && ordinal < csv.RowFieldCount && csv.GetString(ordinal) is { Length: > 0 } value ? value : null;

                yield return new(new PartImportRow(
                    line, Field("manufacturer"), Field("partNumber"), Field("name"), Field("category"), Field("description"), Field("attributes")), null);
            }
        }
    }

    /// <summary>The rows of a JSON lines stream: one object per line; blank lines are skipped.</summary>
    public static async IAsyncEnumerable<ReadRow> ReadJsonLinesAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = Utf8(content);
        var buffer = new char[16 * 1024];
        var current = new StringBuilder();
        long line = 1;
        int read;
        while ((read = await ReadAsync(text, buffer, line, cancellationToken)) > 0)
        {
            var start = 0;
            for (var at = Array.IndexOf(buffer, '\n', 0, read); at >= 0; at = Array.IndexOf(buffer, '\n', start, read - start))
            {
                Append(current, buffer.AsSpan(start, at - start), line);
                if (Completed(current, line) is { } row)
                {
                    yield return row;
                }

                current.Clear();
                line++;
                start = at + 1;
            }

            Append(current, buffer.AsSpan(start, read - start), line);
        }

        if (Completed(current, line) is { } last)
        {
            yield return last;
        }
    }

    // Lines are read in chunks, not with ReadLineAsync: a line is held only up to the longest a row can be, so a
    // 256 MiB body without a line feed is refused instead of becoming one string.
    private static void Append(StringBuilder current, ReadOnlySpan<char> chunk, long line)
    {
        current.Append(chunk);
        if (current.Length > CsvBufferChars)
        {
            throw InvalidFile($"Line {line} is longer than {CsvBufferChars} characters, more than any part needs.");
        }
    }

    private static ReadRow? Completed(StringBuilder current, long line)
    {
        var text = current.ToString().TrimEnd('\r');
        return string.IsNullOrWhiteSpace(text) ? null : ParseJsonLine(line, text);
    }

    private static async Task<int> ReadAsync(StreamReader text, char[] buffer, long line, CancellationToken cancellationToken)
    {
        try
        {
            return await text.ReadAsync(buffer.AsMemory(), cancellationToken);
        }
        catch (DecoderFallbackException ex)
        {
            throw InvalidFile($"Line {line} or the one after it cannot be read: {Describe(ex)}");
        }
    }

    private static ReadRow ParseJsonLine(long line, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return Refused(line, null, "catalog.invalid_row", "The line is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Refused(line, null, "catalog.invalid_row", "The line is not a JSON object.");
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // An escaped lone surrogate ("\ud800") parses, but cannot be read as a string, nor stored.
                if (!TryRead(() => property.Name, out var name))
                {
                    return Refused(line, null, TextInput.InvalidTextCode, "A field name is not valid Unicode (a lone UTF-16 surrogate).");
                }

                if (FieldNamed(name!) is not { } field)
                {
                    return Refused(line, Echo(name!), "catalog.unknown_field", $"'{Echo(name!)}' is not an import field; the fields are {string.Join(", ", Fields)}.");
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Null:
                        values[field] = null;
                        break;
                    case JsonValueKind.String:
                        if (!TryRead(property.Value.GetString, out var value))
                        {
                            return Refused(line, field, TextInput.InvalidTextCode, $"'{field}' is not valid Unicode (a lone UTF-16 surrogate).");
                        }

                        values[field] = value;
                        break;
                    case JsonValueKind.Object when field == "attributes":
                        values[field] = property.Value.GetRawText();
                        break;
                    // A part number written as a JSON number (12345) means its digits.
                    case JsonValueKind.Number when field == "partNumber":
                        values[field] = property.Value.GetRawText();
                        break;
                    default:
                        return Refused(line, field, "catalog.invalid_row", field == "attributes" ? "'attributes' must be a JSON object." : $"'{field}' must be a string.");
                }
            }

            string? Value(string name) => values.TryGetValue(name, out var value) && value is { Length: > 0 } ? value : null;
            return new(new PartImportRow(line, Value("manufacturer"), Value("partNumber"), Value("name"), Value("category"), Value("description"), Value("attributes")), null);
        }
    }

    private static bool TryRead(Func<string?> read, out string? value)
    {
        try
        {
            value = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    private static Dictionary<string, int> MapHeader(CsvDataReader csv)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < csv.FieldCount; ordinal++)
        {
            var header = csv.GetName(ordinal);
            if (FieldNamed(header) is not { } field)
            {
                throw InvalidFile($"The header names '{Echo(header)}', which is not an import field; the fields are {string.Join(", ", Fields)}.");
            }

            if (!columns.TryAdd(field, ordinal))
            {
                throw InvalidFile($"The header names '{field}' twice.");
            }
        }

        var missing = RequiredFields.Where(f => !columns.ContainsKey(f)).ToList();
        return missing.Count == 0
            ? columns
            : throw InvalidFile($"The header row lacks {string.Join(", ", missing)}; a CSV import starts with a header naming at least {string.Join(", ", RequiredFields)}.");
    }

    private static string? FieldNamed(string name)
    {
        var folded = new string([.. name.Where(c => c is not (' ' or '_' or '-'))]);
        return Fields.FirstOrDefault(f => string.Equals(f, folded, StringComparison.OrdinalIgnoreCase));
    }

    // Strict UTF-8: bytes that are not UTF-8 stop the import instead of becoming U+FFFD in stored parts. With the
    // UTF-8 preamble in the encoding the reader skips a leading byte order mark (spreadsheets write one).
    private static StreamReader Utf8(Stream content) =>
        new(content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);

    private static bool IsBlank(CsvDataReader csv, int from = 0)
    {
        for (var ordinal = from; ordinal < csv.RowFieldCount; ordinal++)
        {
            if (!string.IsNullOrWhiteSpace(csv.GetString(ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    // A name echoed into a rejection is cut: a hostile key must not bloat the run's record.
    private static string Echo(string name) => name.Length <= 100 ? name : name[..100] + "…";

    private static string Describe(Exception ex) => ex switch
    {
        DecoderFallbackException => "it is not UTF-8.",
        CsvMissingHeadersException => "the file is empty; a CSV import starts with a header row.",
        CsvRecordTooLargeException => $"a record is longer than {CsvBufferChars} characters.",
        _ => "its quoting is broken.",
    };

    private static ReadRow Refused(long line, string? field, string code, string reason) => new(null, new PartImportRejection(line, field, code, reason));

    private static ValidationError InvalidFile(string message) => new(InvalidFileCode, "file", message);
}
