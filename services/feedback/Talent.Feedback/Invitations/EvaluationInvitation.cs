using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Feedback.Data;
using Talent.Messaging.Inbox;

namespace Talent.Feedback.Invitations;

/// <summary>
/// One service to rate (一事一评): opened when <c>ApplicationDecided</c> arrives, for its applicant, open for a
/// configurable period (default 30 days). An unrated service stays unrated: nothing is ever rated on anyone's behalf.
/// </summary>
public sealed class EvaluationInvitation
{
    public Guid ApplicationId { get; private set; }

    public string Reference { get; private set; } = "";

    public string ApplicantId { get; private set; } = "";

    public string ItemCode { get; private set; } = "";

    public string LeadDepartment { get; private set; } = "";

    public List<string> Departments { get; private set; } = [];

    public string? OwnerId { get; private set; }

    public bool Approved { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public DateTimeOffset OpenUntil { get; private set; }

    private EvaluationInvitation()
    {
    }

    public static EvaluationInvitation For(ApplicationDecided decided, TimeSpan open) => new()
    {
        ApplicationId = decided.ApplicationId,
        Reference = decided.Reference,
        ApplicantId = decided.ApplicantId,
        ItemCode = decided.ItemCode,
        LeadDepartment = decided.LeadDepartment,
        Departments = [.. decided.Departments],
        OwnerId = decided.OwnerId,
        Approved = decided.Approved,
        DecidedAt = decided.OccurredAt,
        OpenUntil = decided.OccurredAt + open,
    };
}

public sealed class FeedbackOptions
{
    public TimeSpan EvaluationOpenFor { get; set; } = TimeSpan.FromDays(30);
}

public sealed class ApplicationDecidedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<ApplicationDecidedConsumer> logger, Microsoft.Extensions.Options.IOptions<FeedbackOptions> options)
    : InboxConsumer<FeedbackDbContext, ApplicationDecided>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationDecided message, CancellationToken cancellationToken)
    {
        if (!await Db.Invitations.AnyAsync(i => i.ApplicationId == message.ApplicationId, cancellationToken))
        {
            Db.Invitations.Add(EvaluationInvitation.For(message, options.Value.EvaluationOpenFor));
        }
    }
}

public static class InvitationsApi
{
    public const string ApplicantPolicy = "feedback-applicant";

    public sealed record InvitationView(Guid ApplicationId, string Reference, string ItemCode, string LeadDepartment, bool Approved, DateTimeOffset DecidedAt, DateTimeOffset OpenUntil, bool Open);

    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feedback/invitations/mine", MineAsync)
            .RequireAuthorization(ApplicantPolicy)
            .WithTags("Evaluations")
            .WithName("MyEvaluationInvitations")
            .WithSummary("Decided services the caller may rate, newest first.");
        return routes;
    }

    private static async Task<IResult> MineAsync(ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        var subject = user.FindFirstValue("sub") ?? "";
        var now = time.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.ApplicantId == subject).OrderByDescending(i => i.DecidedAt).Take(100).ToListAsync(ct);
        return TypedResults.Ok(invitations.Select(i => new InvitationView(i.ApplicationId, i.Reference, i.ItemCode, i.LeadDepartment, i.Approved, i.DecidedAt, i.OpenUntil, i.OpenUntil > now)));
    }
}
