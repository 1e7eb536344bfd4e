using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Suggestions;

/// <summary>Table <c>suggestion_rules</c>, keyed by the rule's code.</summary>
public sealed class SuggestionRuleConfiguration : IEntityTypeConfiguration<SuggestionRule>
{
    public void Configure(EntityTypeBuilder<SuggestionRule> e)
    {
        e.HasKey(r => r.Code);
        e.Property(r => r.Code).HasMaxLength(40);
        e.Property(r => r.Trigger).HasMaxLength(20);
        e.Property(r => r.ItemCode).HasMaxLength(64);
        e.Property(r => r.Team).HasMaxLength(20);
        e.Property(r => r.SuggestItemCode).HasMaxLength(64);
        e.Property(r => r.MessageZh).HasMaxLength(200);
        e.Property(r => r.MessageEn).HasMaxLength(300);
    }
}
