using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strata.Data.Configuration;
using Strata.Modules.Auth.Services;
using Strata.Testing;
using Strata.Testing.Mail;

namespace Strata.Api.Tests.Endpoints;

/// <summary>
/// Mail as a person receives it: the API host's own dispatcher delivers over SMTP to a real server in the test process,
/// and the code in the message completes the flow it was sent for.
/// </summary>
public sealed class MailDeliveryTests(ApiTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task A_new_user_receives_the_verification_mail_and_confirms_with_its_code(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var api = await StartAsync(provider, smtp);
        var (_, email, token) = await api.SignUpAsync();

        var requested = await api.PostAsync("/auth/email-verification", new { }, token);
        var message = await DeliveredAsync(api, smtp);
        var code = MailCodes.In(message.TextBody);
        var confirmed = await api.PostAsync("/auth/email-verification/confirm", new { token = code });

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Contains(code, message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("emailVerified").GetBoolean());
    }

    [Theory, BothProviders]
    public async Task Metrics_count_sent_mail_by_kind_and_show_the_queue_depth(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var api = await StartAsync(provider, smtp);
        var (_, _, token) = await api.SignUpAsync();
        await api.PostAsync("/auth/email-verification", new { }, token);
        await DeliveredAsync(api, smtp);

        var metrics = await MetricsAfterTheSendIsRecordedAsync(api);

        Assert.Contains("strata_mail_sent_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("kind=\"email_verification\"", metrics, StringComparison.Ordinal);
        Assert.Contains("strata_mail_queue_depth", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_to_start_with_the_smtp_transport_and_no_host()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var settings = StrataTestDatabases.ServingSettings(db);
        settings["Strata:Mail:Transport"] = "Smtp";
        settings["Strata:Mail:Smtp:Port"] = "0";

        var refusal = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApi.StartAsync(settings));

        Assert.Contains("Strata:Mail:Smtp:Host is required with the SMTP transport", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Strata:Mail:Smtp:Port must be between 1 and 65535", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>/metrics</c> once it shows the send: the server accepts the message a moment before the dispatcher records it,
    /// and the exporter caches a scrape briefly.
    /// </summary>
    private static async Task<string> MetricsAfterTheSendIsRecordedAsync(ApiHarness api)
    {
        var metrics = string.Empty;
        for (var i = 0; i < 50 && !metrics.Contains("strata_mail_sent_total{", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            metrics = await api.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        return metrics;
    }

    private Task<ApiHarness> StartAsync(DatabaseProvider provider, TestSmtpServer smtp)
    {
        var settings = smtp.Settings();
        settings["Strata:Mail:Dispatcher:Enabled"] = "true";
        settings["Strata:Mail:Dispatcher:PollInterval"] = "00:00:00.050";
        return ApiHarness.StartAsync(databases, provider, settings, captureMail: false);
    }

    /// <summary>Lets the host's dispatcher poll (its waits run on the test's clock) until one message has arrived.</summary>
    private static async Task<MimeKit.MimeMessage> DeliveredAsync(ApiHarness api, TestSmtpServer smtp)
    {
        for (var i = 0; i < 400 && smtp.Received.IsEmpty; i++)
        {
            api.Clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(25);
        }

        return Assert.Single(smtp.Received);
    }
}
