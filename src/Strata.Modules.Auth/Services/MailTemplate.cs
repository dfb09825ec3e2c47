using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Strata.Modules.Auth.Configuration;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// The one layout every Strata mail uses, in a plain-text and an HTML part of the same content: an opening line, the
/// code (shown as text, so it can be typed where a link cannot be followed), a link built on
/// <see cref="MailOptions.LinkBaseUrl"/>, and a closing line. Modules compose their messages with it; every value is
/// HTML-encoded in the HTML part.
/// </summary>
public sealed class MailTemplate(IOptions<MailOptions> options)
{
    /// <summary>The words before the code in the text part; <c>CodeOf</c> readers look for them.</summary>
    public const string CodeLabel = "Your code: ";

    /// <summary>An absolute link to <paramref name="path"/> in the application, with <paramref name="query"/> escaped.</summary>
    public Uri Link(string path, params (string Name, string Value)[] query)
    {
        var root = options.Value.LinkBaseUrl.TrimEnd('/') + "/";
        var builder = new StringBuilder(path.TrimStart('/'));
        for (var i = 0; i < query.Length; i++)
        {
            builder.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(query[i].Name)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }

        return new Uri(new Uri(root), builder.ToString());
    }

    /// <summary>Both parts of a message: <paramref name="opening"/>, the code, the link labelled <paramref name="linkText"/>, <paramref name="closing"/>.</summary>
    public static OutgoingMail Compose(string to, string kind, string subject, string opening, string code, Uri link, string linkText, string closing)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{opening}\n\n{CodeLabel}{code}\n\n{linkText}: {link.AbsoluteUri}\n\n{closing}\n");
        var html = string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36em">
            <p>{Encode(opening)}</p>
            <p>Your code: <strong style="font-family: monospace; font-size: 1.4em; letter-spacing: 0.05em">{Encode(code)}</strong></p>
            <p><a href="{Encode(link.AbsoluteUri)}">{Encode(linkText)}</a></p>
            <p style="color: #555">{Encode(closing)}</p>
            </body></html>
            """);
        return new OutgoingMail(to, kind, subject, text, html);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
