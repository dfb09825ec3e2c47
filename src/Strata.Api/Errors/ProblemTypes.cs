using Microsoft.Extensions.Options;
using Strata.AspNetCore.Configuration;

namespace Strata.Api.Errors;

/// <summary>
/// The one scheme of problem <c>type</c> URIs: the page that explains the code, <c>/problems/{code}</c> — absolute
/// under <see cref="StrataApiOptions.PublicBaseUrl"/> when it is set, else a reference relative to the API's root.
/// </summary>
internal static class ProblemTypes
{
    /// <summary>The path of the page that lists every code, under the API's root.</summary>
    public const string IndexPath = "/problems";

    /// <summary>The <c>type</c> of a problem with <paramref name="code"/>, answered to <paramref name="http"/>.</summary>
    public static string For(HttpContext http, string code)
    {
        ArgumentNullException.ThrowIfNull(http);
        var page = $"{IndexPath}/{Uri.EscapeDataString(code)}";
        var publicBaseUrl = http.RequestServices.GetRequiredService<IOptions<StrataApiOptions>>().Value.PublicBaseUrl;
        return publicBaseUrl is null ? $"{http.Request.PathBase}{page}" : publicBaseUrl.TrimEnd('/') + page;
    }
}
