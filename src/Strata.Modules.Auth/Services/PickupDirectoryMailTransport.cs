using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Strata.Modules.Auth.Configuration;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// Writes each message as an <c>.eml</c> file (RFC 5322, what mail programs open) into
/// <see cref="MailOptions.PickupDirectory"/>: the Development default, so a newcomer reads the code in a file instead of
/// running a mail server. The file is written under a temporary name and renamed, so a reader never sees half of it.
/// </summary>
internal sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options, TimeProvider clock, IHostEnvironment? environment = null) : IMailTransport
{
    /// <summary>The directory in effect: absolute, or under the content root.</summary>
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment?.ContentRootPath ?? Environment.CurrentDirectory);

    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Directory;
        var name = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml");
        var path = Path.Combine(directory, name);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var partial = path + ".partial";
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MailTransportException($"Could not write to the pickup directory {directory}: {ex.Message}", permanent: false, ex);
        }

        return name;
    }
}
