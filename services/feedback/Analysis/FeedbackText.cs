namespace Talent.Feedback.Analysis;

/// <summary>
/// A text people wrote (a review's comment or follow-up, a ticket), reduced to what demand analysis needs: its month,
/// where it points (department, item, the item's lifecycle stages, a category) and its keywords, segmented once when
/// written. No personal data.
/// </summary>
public sealed class FeedbackText
{
    public const string Review = "review";
    public const string FollowUp = "follow-up";
    public const string Ticket = "ticket";

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Source { get; private set; } = "";

    public Guid SourceId { get; private set; }

    public DateOnly Month { get; private set; }

    public string Department { get; private set; } = "";

    public string? ItemCode { get; private set; }

    /// <summary>For reviews the item's category (production, life); for tickets the ticket's category.</summary>
    public string Category { get; private set; } = "";

    public List<string> Stages { get; private set; } = [];

    public List<string> Keywords { get; private set; } = [];

    private FeedbackText()
    {
    }

    /// <summary>The item's category (when known) and lifecycle stages.</summary>
    public void PointTo(string? category, IEnumerable<string> stages)
    {
        Category = category ?? Category;
        Stages = [.. stages];
    }

    /// <summary>Null when the text has no keywords.</summary>
    public static FeedbackText? Of(string source, Guid sourceId, DateTimeOffset at, string department, string? itemCode, string? category, IEnumerable<string>? stages, params string?[] texts)
    {
        var keywords = Analysis.Keywords.Of(texts);
        return keywords.Count == 0
            ? null
            : new FeedbackText
            {
                Source = source,
                SourceId = sourceId,
                Month = Figures.FigureCounters.MonthOf(at),
                Department = department,
                ItemCode = itemCode,
                Category = category ?? "",
                Stages = [.. stages ?? []],
                Keywords = keywords,
            };
    }
}
