using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Applications.Calendar;

/// <summary>Table <c>calendar_years</c>, one row a year; column names by the snake-case convention.</summary>
public sealed class CalendarYearRowConfiguration : IEntityTypeConfiguration<CalendarYearRow>
{
    public void Configure(EntityTypeBuilder<CalendarYearRow> e)
    {
        e.HasKey(c => c.Year);
        e.Property(c => c.Year).ValueGeneratedNever();
        e.Property(c => c.Source).HasMaxLength(500);
        e.Property(c => c.Revision).IsConcurrencyToken();
        e.Property(c => c.UpdatedBy).HasMaxLength(200);
    }
}
