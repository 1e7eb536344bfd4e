namespace Talent.Matching.Visits;

/// <summary>The person a visit was made to, as the people directory knows them.</summary>
public sealed record SurveyClient(string Id, string Name, string Kind);

/// <summary>
/// A visit (摸底调研) by a commissioner or butler to a talent or an enterprise: when, what was found, and the needs recorded
/// as the person's demands on their behalf (each then tiered and matched like any demand; the person sees and corrects
/// them). Kept as it was recorded: a record of the visit, not of the demands' later state.
/// </summary>
public sealed class SurveyVisit
{
    public const int SummaryMaxLength = 2000;

    /// <summary>The most needs one visit records.</summary>
    public const int MaxNeeds = 10;

    /// <summary>How long ago a visit may have been to be recorded now.</summary>
    public const int MaxDaysBack = 366;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string VisitorId { get; private set; } = "";

    public string VisitorName { get; private set; } = "";

    /// <summary>commissioner or butler.</summary>
    public string VisitorRole { get; private set; } = "";

    public string ClientId { get; private set; } = "";

    public string ClientName { get; private set; } = "";

    /// <summary>talent or enterprise.</summary>
    public string ClientKind { get; private set; } = "";

    public DateOnly VisitedOn { get; private set; }

    public string Summary { get; private set; } = "";

    /// <summary>The demands recorded from this visit's needs.</summary>
    public List<Guid> DemandIds { get; private set; } = [];

    public DateTimeOffset RecordedAt { get; private set; }

    private SurveyVisit()
    {
    }

    public static SurveyVisit Record(string visitorId, string visitorName, string visitorRole, SurveyClient client, DateOnly visitedOn, string summary, DateTimeOffset now) => new()
    {
        VisitorId = visitorId,
        VisitorName = visitorName.Length > 200 ? visitorName[..200] : visitorName,
        VisitorRole = visitorRole,
        ClientId = client.Id,
        ClientName = client.Name,
        ClientKind = client.Kind,
        VisitedOn = visitedOn,
        Summary = summary,
        RecordedAt = now,
    };

    public void Found(Guid demand) => DemandIds.Add(demand);
}
