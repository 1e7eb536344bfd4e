using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Catalogue.FlowCards;

namespace Talent.Catalogue.Editing;

/// <summary>What every editing endpoint asks first: which version the caller may see, and what is wrong with a draft.</summary>
public static class EditingAccess
{
    /// <summary>The version (tracked, to be changed), or null when it does not exist or another department leads it.</summary>
    public static async Task<ItemVersion?> FindVisibleAsync(this ChangeContext context, Guid id)
    {
        var version = await context.Db.Versions.SingleOrDefaultAsync(v => v.Id == id, context.Cancellation);
        // Someone else's draft does not exist for you.
        return version is not null && Actor.Of(context.User).ActsFor(version.Content.LeadDepartment) ? version : null;
    }

    /// <summary>Content and flow-card errors against the reference data, named by field (<c>content.titleZh</c>, <c>flowCard.steps[0].department</c>).</summary>
    public static async Task AddRuleErrorsAsync(this ChangeContext context, Dictionary<string, string[]> errors, ItemContent content, FlowCard card)
    {
        // Only the codes this item names are looked up (bad input is named by the rules below, not here).
        static List<string> Named(IEnumerable<string?>? codes) =>
            [.. (codes ?? []).Where(code => !string.IsNullOrEmpty(code)).Select(code => code!).Distinct(StringComparer.Ordinal)];
        var departments = Named(new[] { content.LeadDepartment }
            .Concat((card.Steps ?? []).Select(s => s?.Department))
            .Concat((card.Materials ?? []).Select(m => m?.SourceDepartment)));
        var references = await context.Db.ReferenceCodesAsync(departments, Named(card.LegalBasis), Named(content.ServiceItems), context.Cancellation);
        foreach (var (key, value) in content.Validate(references).Concat(FlowCardRules.Validate(card, references)))
        {
            errors.TryAdd($"{(key.StartsWith("flowCard", StringComparison.Ordinal) ? "" : "content.")}{key}", value);
        }
    }
}
