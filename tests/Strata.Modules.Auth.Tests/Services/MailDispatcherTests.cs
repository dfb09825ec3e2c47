using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Strata.Data.Configuration;
using Strata.Data.Sessions;
using Strata.Modules.Auth.Repositories;
using Strata.Modules.Auth.Services;
using Strata.Testing;
using Strata.Testing.Mail;

namespace Strata.Modules.Auth.Tests.Services;

/// <summary>The outbox dispatcher against a real SMTP server in the test process, on both providers.</summary>
public sealed class MailDispatcherTests(AuthTestDatabases databases)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory, BothProviders]
    public async Task A_verification_mail_is_delivered_with_its_code_in_both_parts(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var app = await MailAppAsync(provider, smtp.Settings());
        var email = await app.RequestVerificationAsync();

        Assert.Equal(1, await app.DispatchAsync());

        var message = Assert.Single(smtp.Received);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@localhost", message.From.Mailboxes.Single().Address);
        Assert.Equal("Confirm your email address", message.Subject);
        var code = MailCodes.In(message.TextBody);
        Assert.Contains(code, message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/verify-email?token={Uri.EscapeDataString(code)}", message.TextBody, StringComparison.Ordinal);
        Assert.True((await app.Db.Get<IEmailVerification>().ConfirmEmailAsync(code)).EmailVerified);
    }

    [Theory, BothProviders]
    public async Task A_sent_mail_keeps_its_delivery_record_and_loses_its_bodies(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var app = await MailAppAsync(provider, smtp.Settings());
        await app.RequestVerificationAsync();

        await app.DispatchAsync();

        var row = await app.OutboxRowAsync();
        Assert.Equal((MailStatus.Sent, 1, "", ""), (row.Status, row.Attempts, row.BodyProtected, row.HtmlProtected));
        Assert.Equal(Start.UtcDateTime, row.SentAt);
        Assert.False(string.IsNullOrEmpty(row.ProviderMessageId));
    }

    [Theory, BothProviders]
    public async Task While_the_smtp_server_is_down_mail_waits_with_back_off_and_goes_out_when_it_returns(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync(started: false);
        await using var app = await MailAppAsync(provider, smtp.Settings());
        await app.RequestVerificationAsync();

        await app.DispatchAsync();
        var waiting = await app.OutboxRowAsync();
        await smtp.ResumeAsync();
        var tooEarly = await app.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await app.DispatchAsync();

        Assert.Equal((MailStatus.Queued, 1), (waiting.Status, waiting.Attempts));
        // The first retry waits between half and all of the 30 s base delay.
        Assert.InRange(waiting.DueAt, Start.UtcDateTime.AddSeconds(15), Start.UtcDateTime.AddSeconds(30));
        Assert.Contains("Could not deliver", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(0, tooEarly);
        Assert.Single(smtp.Received);
        Assert.Equal((MailStatus.Sent, 2), ((await app.OutboxRowAsync()).Status, (await app.OutboxRowAsync()).Attempts));
    }

    [Theory, BothProviders]
    public async Task After_its_last_attempt_a_mail_is_failed_and_kept(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync(started: false);
        await using var app = await MailAppAsync(provider, With(smtp.Settings(), ("Strata:Mail:Dispatcher:MaxAttempts", "2")));
        await app.RequestVerificationAsync();

        await app.DispatchAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DispatchAsync();

        var row = await app.OutboxRowAsync();
        Assert.Equal((MailStatus.Failed, 2), (row.Status, row.Attempts));
        Assert.NotEqual("", row.BodyProtected);
        Assert.Equal(new MailOutboxStatus(0, 0, 0, 1, null), await app.StatusAsync());
    }

    [Theory, BothProviders]
    public async Task A_permanent_refusal_fails_the_mail_at_once(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.RefuseEverything = true;
        await using var app = await MailAppAsync(provider, smtp.Settings());
        await app.RequestVerificationAsync();

        await app.DispatchAsync();

        var row = await app.OutboxRowAsync();
        Assert.Equal((MailStatus.Failed, 1), (row.Status, row.Attempts));
        Assert.Contains("550", row.LastError, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task A_mail_to_an_address_no_transport_can_take_fails_without_holding_up_the_rest(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var app = await MailAppAsync(provider, smtp.Settings());
        await app.Db.Session.InTransactionAsync(async token =>
        {
            await app.Db.Get<IMailSender>().SendAsync(Mail("a(b@example.com"), token);
            await app.Db.Get<IMailSender>().SendAsync(Mail("fine@example.com"), token);
        });

        await app.DispatchAsync();

        Assert.Equal("fine@example.com", Assert.Single(smtp.Received).To.Mailboxes.Single().Address);
        Assert.Equal(new MailOutboxStatus(0, 0, 1, 1, null), await app.StatusAsync());
    }

    [Theory, BothProviders]
    public async Task A_failed_mail_retried_by_the_operator_is_sent(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.RefuseEverything = true;
        await using var app = await MailAppAsync(provider, smtp.Settings());
        await app.RequestVerificationAsync();
        await app.DispatchAsync();

        smtp.RefuseEverything = false;
        var queued = await app.Db.Session.InTransactionAsync(token =>
            app.Db.Get<MailOutboxRepository>().RetryFailedAsync(publicId: null, app.Clock.GetUtcNow().UtcDateTime, token));
        await app.DispatchAsync();

        Assert.Equal(1, queued);
        Assert.Single(smtp.Received);
        Assert.Equal(MailStatus.Sent, (await app.OutboxRowAsync()).Status);
    }

    [Theory, BothProviders]
    public async Task Two_dispatchers_on_one_database_deliver_200_mails_exactly_once(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var settings = With(smtp.Settings(), ("Strata:Mail:Dispatcher:BatchSize", "7"));
        await using var first = await MailAppAsync(provider, settings);
        await using var second = first.Another(databases, settings);
        await first.QueueAsync(200);

        await Task.WhenAll(Drain(first), Drain(second));

        Assert.Equal(200, smtp.Received.Count);
        Assert.Equal(200, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(new MailOutboxStatus(0, 0, 200, 0, null), await first.StatusAsync());

        static async Task Drain(MailApp app)
        {
            while (await app.DispatchAsync() > 0)
            {
            }
        }
    }

    [Theory, BothProviders]
    public async Task Mail_claimed_by_a_dispatcher_that_stopped_is_sent_by_another_once_the_lease_runs_out(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var stopped = await MailAppAsync(provider, smtp.Settings());
        await using var survivor = stopped.Another(databases, smtp.Settings());
        await stopped.QueueAsync(3);
        var now = stopped.Clock.GetUtcNow().UtcDateTime;
        var claimed = await stopped.Db.Session.InTransactionAsync(token =>
            stopped.Db.Get<MailOutboxRepository>().ClaimAsync(10, now, now.AddMinutes(5), token));

        var duringLease = await survivor.DispatchAsync();
        stopped.Clock.Advance(TimeSpan.FromMinutes(5));
        var afterLease = await survivor.DispatchAsync();
        var lateRecord = await stopped.Db.Session.InTransactionAsync(token =>
            stopped.Db.Get<MailOutboxRepository>().CompleteAsync(claimed[0].Id, claimed[0].Attempts, now, "late", token));

        Assert.Equal((3, 0, 3), (claimed.Count, duringLease, afterLease));
        Assert.Equal(3, smtp.Received.Count);
        Assert.False(lateRecord);
    }

    [Theory, BothProviders]
    public async Task A_dispatcher_hands_back_what_it_cannot_send_within_its_lease(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Start);
        var slow = new SlowTransport(clock, TimeSpan.FromSeconds(5));
        await using var db = await databases.FreshAsync(provider,
            new Dictionary<string, string?> { ["Strata:Mail:Dispatcher:Lease"] = "00:00:12", ["Strata:Mail:Smtp:Timeout"] = "00:00:10" },
            services => services.AddSingleton<TimeProvider>(clock).AddSingleton<IMailTransport>(slow));
        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();
        await using var app = new MailApp(db, db.Root, clock, owned: null);
        await app.QueueAsync(3);

        await app.DispatchAsync();

        // The first send took 5 s: with 7 s of lease left, a second could outlast it, so two go back untried.
        Assert.Equal(1, slow.Sent);
        Assert.Equal(new MailOutboxStatus(2, 0, 1, 0, Start.UtcDateTime), await app.StatusAsync());
    }

    [Theory, BothProviders]
    public async Task The_pickup_directory_gets_one_parseable_eml_file_per_mail(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"strata-pickup-{Guid.NewGuid():N}");
        try
        {
            await using var app = await MailAppAsync(provider, new() { ["Strata:Mail:Transport"] = "PickupDirectory", ["Strata:Mail:PickupDirectory"] = directory });
            await app.RequestVerificationAsync();

            await app.DispatchAsync();

            var file = Assert.Single(Directory.GetFiles(directory));
            Assert.EndsWith(".eml", file, StringComparison.Ordinal);
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("Confirm your email address", message.Subject);
            Assert.Contains(MailCodes.In(message.TextBody), message.HtmlBody, StringComparison.Ordinal);
            Assert.Equal(Path.GetFileName(file), (await app.OutboxRowAsync()).ProviderMessageId);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Theory, BothProviders]
    public async Task A_unit_that_rolls_back_queues_no_mail(DatabaseProvider provider)
    {
        await using var app = await MailAppAsync(provider, new());

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Db.Session.InTransactionAsync(async token =>
        {
            await app.Db.Get<IMailSender>().SendAsync(Mail("rollback@example.com"), token);
            throw new InvalidOperationException("the unit fails after queueing");
        }));

        Assert.Equal(0, await app.Db.ScalarAsync<long>($"SELECT count(*) FROM {app.Db.Table("auth", "mail_outbox")}"));
    }

    /// <summary>A transport whose every send takes <paramref name="duration"/> of the test's clock.</summary>
    private sealed class SlowTransport(FakeTimeProvider clock, TimeSpan duration) : IMailTransport
    {
        public int Sent { get; private set; }

        public Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            clock.Advance(duration);
            Sent++;
            return Task.FromResult<string?>("slow");
        }
    }

    private static OutgoingMail Mail(string to) => new(to, "test", "Test", "text", "<p>html</p>");

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, params (string Key, string Value)[] more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private async Task<MailApp> MailAppAsync(DatabaseProvider provider, Dictionary<string, string?> settings)
    {
        var clock = new FakeTimeProvider(Start);
        var db = await databases.FreshAsync(provider, settings, services => services.AddSingleton<TimeProvider>(clock));
        // As the host's key keeper does at start: a key made inside a unit would wait on SQLite for the unit's own write lock.
        db.Root.GetRequiredService<DataProtectionKeyKeeper>().EnsureKeyAhead();
        return new MailApp(db, db.Root, clock, owned: null);
    }

    /// <summary>One application instance on the test database: its own services (and dispatcher), the shared clock.</summary>
    private sealed class MailApp(TestDatabase db, IServiceProvider root, FakeTimeProvider clock, ServiceProvider? owned) : IAsyncDisposable
    {
        public TestDatabase Db { get; } = db;

        public FakeTimeProvider Clock { get; } = clock;

        public MailApp Another(AuthTestDatabases databases, Dictionary<string, string?> settings)
        {
            var services = databases.ServicesFor(Db, settings, s => s.AddSingleton<TimeProvider>(Clock));
            return new MailApp(Db, services, Clock, services);
        }

        public Task<int> DispatchAsync() => root.GetRequiredService<MailDispatcher>().DispatchBatchAsync(CancellationToken.None);

        public async Task<string> RequestVerificationAsync()
        {
            var email = TestUsers.NewEmail();
            var user = await Db.Get<IPasswordSignIn>().SignUpAsync(email, TestUsers.Password, "Mail Test", ClientInfo.None);
            await Db.Get<IEmailVerification>().RequestEmailVerificationAsync(user.User.Id);
            return email;
        }

        public Task QueueAsync(int count) => Db.Session.InTransactionAsync(async token =>
        {
            var sender = Db.Get<IMailSender>();
            for (var i = 0; i < count; i++)
            {
                await sender.SendAsync(Mail($"bulk{i}@example.com"), token);
            }
        });

        public async Task<Schema.MailMessage> OutboxRowAsync()
        {
            await using var scope = root.CreateAsyncScope();
            return Assert.Single(await scope.ServiceProvider.GetRequiredService<MailOutboxRepository>().NewestAsync(failedOnly: false, 10, CancellationToken.None));
        }

        public async Task<MailOutboxStatus> StatusAsync()
        {
            await using var scope = root.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MailOutboxRepository>().StatusAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
            else
            {
                await Db.DisposeAsync();
            }
        }
    }
}
