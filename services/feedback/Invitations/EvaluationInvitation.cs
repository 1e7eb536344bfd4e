using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Contracts.Matching;
using Talent.Feedback.Data;
using Talent.Messaging.Inbox;

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

public sealed class ApplicationDecidedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<ApplicationDecidedConsumer> logger, Microsoft.Extensions.Options.IOptions<FeedbackOptions> options)
    : InboxConsumer<FeedbackDbContext, ApplicationDecided>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationDecided message, CancellationToken cancellationToken)
    {
        if (!await Db.Invitations.AnyAsync(i => i.SubjectId == message.ApplicationId, cancellationToken))
        {
            var title = await Db.CatalogueItems.Where(i => i.Code == message.ItemCode).Select(i => i.TitleZh).SingleOrDefaultAsync(cancellationToken);
            Db.Invitations.Add(EvaluationInvitation.For(message, title ?? message.ItemCode, options.Value.EvaluationOpenFor));
        }

        var copy = await Db.Applications.SingleOrDefaultAsync(a => a.Id == message.ApplicationId, cancellationToken);
        copy?.Owned(message.OwnerId);
    }
}

public sealed class EngagementClosedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<EngagementClosedConsumer> logger, Microsoft.Extensions.Options.IOptions<FeedbackOptions> options)
    : InboxConsumer<FeedbackDbContext, EngagementClosed>(db, time, logger)
{
    protected override async Task HandleAsync(EngagementClosed message, CancellationToken cancellationToken)
    {
        if (!await Db.Invitations.AnyAsync(i => i.SubjectId == message.EngagementId, cancellationToken))
        {
            Db.Invitations.Add(EvaluationInvitation.For(message, options.Value.EvaluationOpenFor));
        }
    }
}

public static class InvitationsApi
{
    public const string ApplicantPolicy = "feedback-applicant";

    public sealed record InvitationView(string Kind, Guid SubjectId, Guid? ApplicationId, Guid? EngagementId, string Reference, string ItemCode, string Title, string LeadDepartment, bool Approved, DateTimeOffset DecidedAt, DateTimeOffset OpenUntil, bool Open, bool Rated);

    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feedback/invitations/mine", MineAsync)
            .RequireAuthorization(ApplicantPolicy)
            .WithTags("Evaluations")
            .WithName("MyEvaluationInvitations")
            .WithSummary("Decided services and closed engagements the caller may rate, newest first, with whether each is rated.");
        return routes;
    }

    private static async Task<IResult> MineAsync(ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        var subject = user.FindFirstValue("sub") ?? "";
        var now = time.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.ApplicantId == subject).OrderByDescending(i => i.DecidedAt).Take(100).ToListAsync(ct);
        var ids = invitations.Select(i => i.SubjectId).ToList();
        var rated = (await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.SubjectId)).Select(e => e.SubjectId).ToListAsync(ct)).ToHashSet();
        return TypedResults.Ok(invitations.Select(i => new InvitationView(
            i.SubjectKind, i.SubjectId, i.SubjectKind == EvaluationInvitation.Application ? i.SubjectId : null, i.SubjectKind == EvaluationInvitation.Engagement ? i.SubjectId : null,
            i.Reference, i.ItemCode, i.Title, i.LeadDepartment, i.Approved, i.DecidedAt, i.OpenUntil, i.OpenUntil > now && !rated.Contains(i.SubjectId), rated.Contains(i.SubjectId))));
    }
}
