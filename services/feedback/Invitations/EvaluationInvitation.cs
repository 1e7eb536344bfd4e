using Talent.Contracts.Applications;
using Talent.Contracts.Matching;

namespace Talent.Feedback.Invitations;

/// <summary>
/// One service to rate (一事一评): opened when <c>ApplicationDecided</c> (a decided application) or <c>EngagementClosed</c>
/// (an engagement with a commissioner, butler or broker) arrives, for the person served, open for a configurable period
/// (default 30 days). An unrated service stays unrated: nothing is ever rated on anyone's behalf.
/// </summary>
public sealed class EvaluationInvitation
{
    public const string Application = "application";
    public const string Engagement = "engagement";

    /// <summary>The application's or the engagement's id.</summary>
    public Guid SubjectId { get; private set; }

    public string SubjectKind { get; private set; } = Application;

    /// <summary>The application's reference number; empty for an engagement.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>The item's code, or the provider's team for an engagement.</summary>
    public string ItemCode { get; private set; } = "";

    /// <summary>The item's title from this service's catalogue copy, or the provider's name.</summary>
    public string Title { get; private set; } = "";

    public string ApplicantId { get; private set; } = "";

    public string LeadDepartment { get; private set; } = "";

    public List<string> Departments { get; private set; } = [];

    /// <summary>Who owned the case, or the provider's id.</summary>
    public string? OwnerId { get; private set; }

    public bool Approved { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public DateTimeOffset OpenUntil { get; private set; }

    private EvaluationInvitation()
    {
    }

    public static EvaluationInvitation For(ApplicationDecided decided, string title, TimeSpan open) => new()
    {
        SubjectId = decided.ApplicationId,
        SubjectKind = Application,
        Reference = decided.Reference,
        ApplicantId = decided.ApplicantId,
        ItemCode = decided.ItemCode,
        Title = title,
        LeadDepartment = decided.LeadDepartment,
        Departments = [.. decided.Departments],
        OwnerId = decided.OwnerId,
        Approved = decided.Approved,
        DecidedAt = decided.OccurredAt,
        OpenUntil = decided.OccurredAt + open,
    };

    public static EvaluationInvitation For(EngagementClosed closed, TimeSpan open) => new()
    {
        SubjectId = closed.EngagementId,
        SubjectKind = Engagement,
        ApplicantId = closed.ClientId,
        ItemCode = closed.Team,
        Title = closed.ProviderName,
        LeadDepartment = "",
        OwnerId = closed.ProviderId.ToString(),
        Approved = true,
        DecidedAt = closed.OccurredAt,
        OpenUntil = closed.OccurredAt + open,
    };
}
