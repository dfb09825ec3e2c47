using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Strata.Modules.Auth.Configuration;

namespace Strata.Modules.Auth.Services;

/// <summary>
/// SMTP through MailKit: one connection per message (connect, authenticate when configured, send, quit), so a server
/// that drops idle connections costs nothing. A 5xx answer is permanent; everything else (connection refused, 4xx,
/// timeouts, TLS failures) is worth another attempt.
/// </summary>
internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            // The validator made sure of a host whenever this transport is chosen.
            await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            var response = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return string.IsNullOrWhiteSpace(response) ? null : response.Trim();
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            // The code and MailKit's reading of it, not the server's text: that often quotes the recipient's address.
            throw new MailTransportException(
                string.Create(CultureInfo.InvariantCulture, $"The SMTP server answered {code} ({ex.ErrorCode})."), permanent: code >= 500, ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or SmtpProtocolException or SslHandshakeException
            or AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException)
        {
            throw new MailTransportException($"Could not deliver to {smtp.Host}:{smtp.Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}", permanent: false, ex);
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
