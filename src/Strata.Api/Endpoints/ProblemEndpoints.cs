using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Strata.Api.Errors;

namespace Strata.Api.Endpoints;

/// <summary>
/// The pages problem <c>type</c> URIs point at: <c>/problems</c> lists every code, <c>/problems/{code}</c> explains one.
/// Plain server-made HTML without scripts, so a person who follows a problem's link reads what it means.
/// </summary>
internal static partial class ProblemEndpoints
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapProblemEndpoints(this IEndpointRouteBuilder routes)
    {
        var catalog = ProblemCatalog.Load();
        var problems = routes.MapGroup(ProblemTypes.IndexPath).ExcludeFromDescription();
        problems.MapGet(string.Empty, (HttpContext http) => Page(http, "Problem types", Index(catalog, http.Request.PathBase)));
        problems.MapGet("/{code}", Results<ContentHttpResult, ProblemHttpResult> (string code, HttpContext http) =>
            catalog.Codes.TryGetValue(code, out var problem)
                ? Page(http, problem.Code, Detail(problem, http.Request.PathBase))
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No problem type is called '{code}'; /problems lists them all."));
        return routes;
    }

    private static ContentHttpResult Page(HttpContext http, string title, string body)
    {
        // Nothing on these pages runs or loads: no script, no remote style, no frames.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}} · Strata API</title>
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
            th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #d0d7de; }
            code { font: 14px ui-monospace, monospace; background: #f3f4f6; padding: 0 .2rem; border-radius: 3px; }
            :target { background: #fff8c5; }
            </style>
            </head>
            <body>
            {{body}}
            </body>
            </html>
            """;
        return TypedResults.Content(html, HtmlContentType);
    }

    // Links are absolute paths under the API's root, so they work from /problems and /problems/ alike.
    private static string Index(ProblemCatalog catalog, PathString root)
    {
        var html = new StringBuilder()
            .Append("<h1>Problem types</h1>\n<p>Every error of the Strata API is an RFC 9457 problem whose <code>type</code> is ")
            .Append("<code>/problems/&lt;code&gt;</code>. Clients branch on <code>code</code>; <code>detail</code> is for people.</p>\n");
        foreach (var section in catalog.Sections)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(section.Title)).Append("</h2>\n<table>\n<tr><th>code</th><th>status</th><th>meaning</th></tr>\n");
            foreach (var problem in section.Codes)
            {
                var code = WebUtility.HtmlEncode(problem.Code);
                html.Append("<tr id=\"").Append(code).Append("\"><td><a href=\"").Append(WebUtility.HtmlEncode($"{root}{ProblemTypes.IndexPath}/")).Append(code).Append("\"><code>").Append(code)
                    .Append("</code></a></td><td>").Append(problem.Status).Append("</td><td>").Append(Inline(problem.Meaning)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        return html.ToString();
    }

    private static string Detail(ProblemCode problem, PathString root)
    {
        var code = WebUtility.HtmlEncode(problem.Code);
        return $"""
            <p><a href="{WebUtility.HtmlEncode($"{root}{ProblemTypes.IndexPath}")}#{code}">All problem types</a></p>
            <h1><code>{code}</code></h1>
            <table>
            <tr><th>status</th><td>{problem.Status} {WebUtility.HtmlEncode(ReasonPhrases.GetReasonPhrase(problem.Status))}</td></tr>
            <tr><th>meaning</th><td>{Inline(problem.Meaning)}</td></tr>
            <tr><th>raised by</th><td>{Inline(problem.RaisedBy)}</td></tr>
            </table>
            """;
    }

    // The page's cells are Markdown: code spans stay code, links to other documents keep only their text.
    private static string Inline(string markdown) =>
        CodeSpan().Replace(Link().Replace(WebUtility.HtmlEncode(markdown), "$1"), "<code>$1</code>");

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
