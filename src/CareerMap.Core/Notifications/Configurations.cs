using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Notifications;

sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasIndex(x => x.Key).IsUnique();
        // The header's unread count and the inbox read by person, newest first.
        b.HasIndex(x => new { x.EmployeeId, x.ReadAt });
        b.HasIndex(x => new { x.EmployeeId, x.At });
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Key).HasMaxLength(96);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.Link).HasMaxLength(300);
    }
}

sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("notification_preferences");
        b.HasKey(x => new { x.EmployeeId, x.Kind });
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(16);
    }
}

sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("mail_outbox");
        b.HasIndex(x => x.Key).IsUnique();
        // The sender looks for what is due and not yet sent.
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        b.Property(x => x.Key).HasMaxLength(96);
        b.Property(x => x.To).HasMaxLength(256);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.ClaimedBy).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(1000);
    }
}

sealed class NoticeCursorConfiguration : IEntityTypeConfiguration<NoticeCursor>
{
    public void Configure(EntityTypeBuilder<NoticeCursor> b)
    {
        b.ToTable("notice_cursor");
        b.Property(x => x.Id).ValueGeneratedNever();
        // Two instances reading the same records: the second to save loses, and nothing is told twice.
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
