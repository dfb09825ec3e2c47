using System.Text.Json;

namespace Strata.Load.Baseline;

/// <summary>Writes a JSON body straight into the response pipe, with the serializer's default encoder (as Strata's).</summary>
internal static class JsonResponse
{
    public static async Task WriteAsync<T>(HttpResponse response, T state, Action<Utf8JsonWriter, T> write, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            write(writer, state);
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>A bare problem answer for the refusals (never on the measured path).</summary>
    public static IResult Problem(int status, string code, string title) =>
        TypedResults.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
