using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Notifications.People;

public sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> e)
    {
        e.ToTable("recipients");
        e.HasKey(r => r.Subject);
        e.Property(r => r.Subject).HasMaxLength(Recipient.SubjectLength);
        e.Property(r => r.DisplayName).HasMaxLength(Recipient.NameLength);
        e.Property(r => r.Email).HasMaxLength(Recipient.EmailLength);
        e.Property(r => r.Phone).HasMaxLength(Recipient.PhoneLength);
        e.Property(r => r.Language).HasMaxLength(Recipient.LanguageLength);
        e.Property(r => r.ChosenLanguage).HasMaxLength(Recipient.LanguageLength);
        e.Property(r => r.Department).HasMaxLength(Recipient.DepartmentLength);
        // A department's staff, for cases that have no owner yet.
        e.HasIndex(r => r.Department).HasFilter("staff");
    }
}
