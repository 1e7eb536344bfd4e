namespace Talent.Matching.Suggestions;

/// <summary>A suggestion to one person, from one rule and one application; dismissed by the person.</summary>
public sealed class Suggestion
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string PersonId { get; private set; } = "";

    public string RuleCode { get; private set; } = "";

    public Guid SourceApplicationId { get; private set; }

    public List<Guid> ProviderIds { get; private set; } = [];

    public string? ItemCode { get; private set; }

    public string MessageZh { get; private set; } = "";

    public string MessageEn { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DismissedAt { get; private set; }

    private Suggestion()
    {
    }

    public static Suggestion For(SuggestionRule rule, string person, Guid application, IEnumerable<Guid> providers, DateTimeOffset now) => new()
    {
        PersonId = person,
        RuleCode = rule.Code,
        SourceApplicationId = application,
        ProviderIds = [.. providers],
        ItemCode = rule.SuggestItemCode,
        MessageZh = rule.MessageZh,
        MessageEn = rule.MessageEn,
        CreatedAt = now,
    };

    public void Dismiss(DateTimeOffset now) => DismissedAt ??= now;
}
