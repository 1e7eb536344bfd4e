using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Suggestions;

/// <summary>Table <c>suggestion_rules</c>, keyed by the rule's code.</summary>
public sealed class SuggestionRuleConfiguration : IEntityTypeConfiguration<SuggestionRule>
{
    public void Configure(EntityTypeBuilder<SuggestionRule> e)
    {
        e.HasKey(r => r.Code);
        e.Property(r => r.Code).HasMaxLength(SuggestionRule.CodeMaxLength);
        e.Property(r => r.Trigger).HasMaxLength(20);
        e.Property(r => r.ItemCode).HasMaxLength(SuggestionRule.ItemCodeMaxLength);
        e.Property(r => r.Team).HasMaxLength(20);
        e.Property(r => r.SuggestItemCode).HasMaxLength(SuggestionRule.ItemCodeMaxLength);
        e.Property(r => r.MessageZh).HasMaxLength(SuggestionRule.MessageZhMaxLength);
        e.Property(r => r.MessageEn).HasMaxLength(SuggestionRule.MessageEnMaxLength);
    }
}
