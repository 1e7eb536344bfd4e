using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Notifications.Inbox;
using Talent.Notifications.People;

namespace Talent.Notifications.Preferences;

public sealed class ChannelPreferenceConfiguration : IEntityTypeConfiguration<ChannelPreference>
{
    public void Configure(EntityTypeBuilder<ChannelPreference> e)
    {
        e.ToTable("channel_preferences");
        e.HasKey(p => new { p.Subject, p.Kind });
        e.Property(p => p.Subject).HasMaxLength(Recipient.SubjectLength);
        e.Property(p => p.Kind).HasMaxLength(Notification.KindLength);
    }
}
