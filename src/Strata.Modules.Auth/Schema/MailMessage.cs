using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strata.Data.Conventions;
using Strata.Modules.Auth.Services;

namespace Strata.Modules.Auth.Schema;

/// <summary>A message handed to the mail outbox. The body carries a one-time link, so it is stored encrypted.</summary>
internal sealed class MailMessage : StrataEntity
{
    public string To { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string BodyProtected { get; set; } = string.Empty;
}

internal sealed class MailMessageConfiguration : IEntityTypeConfiguration<MailMessage>
{
    public void Configure(EntityTypeBuilder<MailMessage> builder)
    {
        builder.ToTable("mail_outbox");
        builder.Property(m => m.To).HasMaxLength(EmailAddresses.MaxLength);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Subject).HasMaxLength(200);
    }
}
