using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Talent.Feedback.Invitations;

/// <summary>The services the caller may rate: decided applications and closed engagements, newest first.</summary>
public static class InvitationsApi
{
    public sealed record InvitationView(string Kind, Guid SubjectId, Guid? ApplicationId, Guid? EngagementId, string Reference, string ItemCode, string Title, string LeadDepartment, bool Approved, DateTimeOffset DecidedAt, DateTimeOffset OpenUntil, bool Open, bool Rated);

    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feedback/invitations/mine", MineAsync)
            .RequireAuthorization(FeedbackPolicies.Applicant)
            .WithTags("Evaluations")
            .WithName("MyEvaluationInvitations")
            .WithSummary("Decided services and closed engagements the caller may rate, newest first, with whether each is rated.");
        return routes;
    }

    private static async Task<Ok<List<InvitationView>>> MineAsync([AsParameters] RequestContext context)
    {
        var (db, ct) = (context.Db, context.Cancellation);
        var subject = context.Subject;
        var now = context.Time.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.ApplicantId == subject).OrderByDescending(i => i.DecidedAt).Take(100).ToListAsync(ct);
        var ids = invitations.Select(i => i.SubjectId).ToList();
        var rated = (await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.SubjectId)).Select(e => e.SubjectId).ToListAsync(ct)).ToHashSet();
        return TypedResults.Ok(invitations.Select(i => new InvitationView(
            i.SubjectKind, i.SubjectId, i.SubjectKind == EvaluationInvitation.Application ? i.SubjectId : null, i.SubjectKind == EvaluationInvitation.Engagement ? i.SubjectId : null,
            i.Reference, i.ItemCode, i.Title, i.LeadDepartment, i.Approved, i.DecidedAt, i.OpenUntil, i.OpenUntil > now && !rated.Contains(i.SubjectId), rated.Contains(i.SubjectId))).ToList());
    }
}
