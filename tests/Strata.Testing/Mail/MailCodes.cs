using Strata.Modules.Auth.Services;

namespace Strata.Testing.Mail;

/// <summary>Reads the one-time code out of a mail's text part, where <see cref="MailTemplate"/> puts it.</summary>
public static class MailCodes
{
    /// <summary>The code after <see cref="MailTemplate.CodeLabel"/> in <paramref name="text"/>.</summary>
    public static string In(string? text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf(MailTemplate.CodeLabel, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("The mail's text carries no code.");
        }

        start += MailTemplate.CodeLabel.Length;
        return text[start..text.IndexOf('\n', start)];
    }
}
