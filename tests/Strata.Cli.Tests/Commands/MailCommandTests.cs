using Strata.Data.Configuration;
using Strata.Modules.Auth.Services;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary><c>strata mail …</c> as a real process, on an outbox with one failed message.</summary>
public sealed class MailCommandTests(CliTestDatabases databases)
{
    [Theory, BothProviders]
    public async Task Status_reports_a_failed_message(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await QueueFailedAsync(db);

        var result = await StrataProcess.RunAsync(db, "mail", "status");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("queued 0, sending 0, sent 0, failed 1", result.Output, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task List_of_failed_messages_shows_the_id_and_the_error_but_not_the_body(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var id = await QueueFailedAsync(db);

        var result = await StrataProcess.RunAsync(db, "mail", "list", "--failed");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(id.ToString(), result.Output, StringComparison.Ordinal);
        Assert.Contains("550 refused", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-CODE", result.Output, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Retry_all_failed_queues_them_again(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        await QueueFailedAsync(db);

        var retry = await StrataProcess.RunAsync(db, "mail", "retry", "--all-failed");
        var status = await StrataProcess.RunAsync(db, "mail", "status");

        Assert.Contains("Queued 1 message(s) again.", retry.Output, StringComparison.Ordinal);
        Assert.Contains("queued 1, sending 0, sent 0, failed 0", status.Output, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Retry_of_an_id_that_is_not_failed_exits_1(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);

        var result = await StrataProcess.RunAsync(db, "mail", "retry", Guid.NewGuid().ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(mail.not_failed)", result.Error, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Show_prints_an_unsent_body_in_development(DatabaseProvider provider)
    {
        await using var db = await databases.FreshAsync(provider);
        var id = await QueueFailedAsync(db);

        var result = await StrataProcess.RunAsync(db, "mail", "show", id.ToString());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Your code: SECRET-CODE", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_refuses_outside_development()
    {
        await using var db = await databases.FreshAsync(DatabaseProvider.Sqlite);
        var id = await QueueFailedAsync(db);

        var result = await StrataProcess.RunAsync(
            ["mail", "show", id.ToString(), "--provider", "Sqlite", "--connection", db.ConnectionString], environment: "Production");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("(mail.show_development_only)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-CODE", result.Output, StringComparison.Ordinal);
    }

    /// <summary>A message queued through the outbox and then marked failed as the dispatcher would; its public id.</summary>
    private static async Task<Guid> QueueFailedAsync(TestDatabase db)
    {
        await db.Session.InTransactionAsync(token => db.Get<IMailSender>().SendAsync(
            new OutgoingMail("someone@example.com", "test", "Test", $"{MailTemplate.CodeLabel}SECRET-CODE\n", "<p>SECRET-CODE</p>"), token));
        var outbox = db.Table("auth", "mail_outbox");
        await db.ScalarAsync<long>($"UPDATE {outbox} SET status = 'failed', attempts = 1, last_error = '550 refused' RETURNING id");
        var id = await db.ScalarAsync<string>($"SELECT CAST(public_id AS text) FROM {outbox}");
        return Guid.Parse(id!);
    }
}
