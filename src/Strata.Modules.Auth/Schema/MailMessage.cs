using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Modules.Auth.Services;
using Strata.Data.Conventions;

namespace Strata.Modules.Auth.Schema;

/// <summary>
/// A message in the outbox, written in the caller's transaction and sent by the dispatcher. The bodies carry one-time
/// codes, so they are stored encrypted and erased once the message is sent; the row stays as the delivery record.
/// </summary>
internal sealed class MailMessage : StrataEntity
{
    public string To { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>The plain-text part, encrypted; empty once sent.</summary>
    public string BodyProtected { get; set; } = string.Empty;

    /// <summary>The HTML part, encrypted; empty once sent.</summary>
    public string HtmlProtected { get; set; } = string.Empty;

    /// <summary>One of <see cref="MailStatus"/>.</summary>
    public string Status { get; set; } = MailStatus.Queued;

    /// <summary>Attempts so far, counted when a dispatcher claims the message; with the id, it names the claim that may record the outcome.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>While <see cref="MailStatus.Sending"/>: until when the claiming dispatcher holds it.</summary>
    public DateTime? LeasedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>The id the transport gave the message (the SMTP server's queue id, or the file name).</summary>
    public string? ProviderMessageId { get; set; }

    /// <summary>Why the last attempt failed, without the message's content.</summary>
    public string? LastError { get; set; }
}

internal sealed class MailMessageConfiguration : IEntityTypeConfiguration<MailMessage>
{
    public const int ProviderMessageIdLength = 256;

    public const int LastErrorLength = 500;

    public void Configure(EntityTypeBuilder<MailMessage> builder)
    {
        builder.ToTable("mail_outbox");
        builder.Property(m => m.To).HasMaxLength(EmailAddresses.MaxLength);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Status).HasMaxLength(16).HasDefaultValue(MailStatus.Queued);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(ProviderMessageIdLength);
        builder.Property(m => m.LastError).HasMaxLength(LastErrorLength);
        // The dispatcher's claim reads the messages still to send, oldest due first: a partial index stays as small as the
        // queue while sent rows pile up. Built concurrently on PostgreSQL, so adding it never blocks the outbox's writers.
        builder.HasIndex(m => m.DueAt).HasFilter($"status IN ('{MailStatus.Queued}', '{MailStatus.Sending}')").IsCreatedConcurrently();
    }
}
