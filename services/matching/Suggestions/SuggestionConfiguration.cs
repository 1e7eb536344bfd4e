using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Suggestions;

/// <summary>Table <c>suggestions</c>: at most one per person, rule and application.</summary>
public sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> e)
    {
        e.HasKey(s => s.Id);
        e.Property(s => s.PersonId).HasMaxLength(100);
        e.Property(s => s.RuleCode).HasMaxLength(40);
        e.HasIndex(s => new { s.PersonId, s.RuleCode, s.SourceApplicationId }).IsUnique();
        e.Property(s => s.ItemCode).HasMaxLength(64);
        e.Property(s => s.MessageZh).HasMaxLength(200);
        e.Property(s => s.MessageEn).HasMaxLength(300);
    }
}
