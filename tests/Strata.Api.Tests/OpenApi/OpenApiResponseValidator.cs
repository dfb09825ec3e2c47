using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Strata.Api.Tests.OpenApi;

/// <summary>
/// Checks every answer a test's client receives against the API's own OpenAPI document — a status the operation
/// declares, a content type declared for that status, a JSON body its schema accepts — and throws
/// <see cref="OpenApiContractException"/> otherwise, so the test that received the answer fails where it sent the
/// request. A request the document has no operation for (/metrics, /docs, an unknown route, a method the path lacks,
/// a path value its parameter's schema refuses) is not checked. The body is read into memory, so the test reads it
/// as before.
/// </summary>
/// <param name="document">
/// The document's JSON, read once, on the first answer: after the test has mapped its own routes, which the document
/// then lists too.
/// </param>
internal sealed class OpenApiResponseValidator(Func<CancellationToken, Task<string>> document) : DelegatingHandler
{
    /// <summary>
    /// Set on a request that no operation answers — one Kestrel refuses before any middleware runs (a request line or
    /// headers over its limits, a NUL in the path), with a bare status no document can declare — to leave its answer
    /// unchecked. The value says why, for the reader of the test.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> AnsweredBeforeRouting = new("Strata.OpenApi.AnsweredBeforeRouting");

    private const int BodyShown = 1000;

    private readonly Lazy<Task<OpenApiContract>> _contract = new(async () => OpenApiContract.Parse(await document(CancellationToken.None)));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Options.TryGetValue(AnsweredBeforeRouting, out _))
        {
            return response;
        }

        var contract = await _contract.Value;
        if (contract.Find(request.Method, request.RequestUri!.AbsolutePath) is not { } operation)
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        response.Content = Buffered(response.Content, body);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var violations = contract.Check(operation, (int)response.StatusCode, mediaType, body);
        if (violations.Count == 0)
        {
            return response;
        }

        response.Dispose();
        throw new OpenApiContractException(
            $"{request.Method} {request.RequestUri.AbsolutePath} answered {(int)response.StatusCode} {mediaType ?? "(no content type)"}, "
            + $"which the OpenAPI document does not allow for {operation}:\n"
            + string.Concat(violations.Select(v => $"  - {v}\n"))
            + $"Declared: {operation.Declared}\n"
            + $"Body ({body.Length} bytes): {Shown(mediaType, body)}");
    }

    /// <summary>
    /// The JSON of the document "v1" of the app whose services are <paramref name="services"/>, as /openapi/v1.json
    /// serves it (the same generator, transformers and OpenAPI version) but without a request, so no test that
    /// counts requests, request log lines or metrics sees an extra one. Only <c>servers</c> differs (no request names
    /// the host), and nothing here reads it.
    /// </summary>
    public static async Task<string> DocumentOfAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        const string name = "v1";
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(name).GetOpenApiDocumentAsync(cancellationToken);
        return await document.SerializeAsJsonAsync(services.GetRequiredService<IOptionsMonitor<OpenApiOptions>>().Get(name).OpenApiVersion, cancellationToken);
    }

    // The same content, read: a copy of the bytes with every content header of the original.
    private static ByteArrayContent Buffered(HttpContent original, byte[] body)
    {
        var buffered = new ByteArrayContent(body);
        foreach (var (name, values) in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(name, values);
        }

        original.Dispose();
        return buffered;
    }

    private static string Shown(string? mediaType, byte[] body)
    {
        if (mediaType is not null && !IsText(mediaType))
        {
            return "(not text)";
        }

        var text = Encoding.UTF8.GetString(body);
        return text.Length > BodyShown ? $"{text[..BodyShown]}…" : text;
    }

    private static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An answer the API's OpenAPI document does not allow: the message says which, and how it differs.</summary>
internal sealed class OpenApiContractException(string message) : Exception(message);
