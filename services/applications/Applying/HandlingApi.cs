using Microsoft.AspNetCore.Http.HttpResults;
using Talent.Contracts;
using Talent.Contracts.Applications;
using Talent.Http;

namespace Talent.Applications.Applying;

/// <summary>
/// The transitions after submission, each one call of <see cref="CaseContext.TransitionAsync"/>: accept, refuse, return
/// for supplement, complete a step, decide (staff, each by its department); withdraw (the applicant); hand over (the owner
/// or an operator); record an in-person visit (staff of the case); consent to share the progress (the applicant).
/// </summary>
public static class HandlingApi
{
    public const int MaxNoteLength = CaseLimits.Note;

    public static IEndpointRouteBuilder MapHandlingApi(this IEndpointRouteBuilder routes)
    {
        var api = ApplicationsApi.Group(routes);
        Transition(api.MapPost("/{id:guid}/accept", AcceptAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("AcceptApplication")
            .WithSummary("Accepts a submitted application (受理): the first handler becomes its owner; the decision deadline starts."));
        Transition(api.MapPost("/{id:guid}/refuse", RefuseAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("RefuseApplication")
            .WithSummary("Does not accept a submitted application (不予受理), with the reason."));
        Transition(api.MapPost("/{id:guid}/return", ReturnAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("ReturnApplication")
            .WithSummary("Returns a submitted application for supplement (补正), with a note."));
        Transition(api.MapPost("/{id:guid}/steps/{step:int}/complete", CompleteStepAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("CompleteStep")
            .WithSummary("Completes the next step of the flow card, by staff of its department."));
        Transition(api.MapPost("/{id:guid}/decide", DecideAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("DecideApplication")
            .WithSummary("Approves or denies after the last step (lead department); approved materials join the applicant's wallet."));
        Transition(api.MapPut("/{id:guid}/sharing-consent", ConsentAsync).RequireAuthorization(ApplicationsApi.ApplicantPolicy).WithName("ConsentToSharing")
            .WithSummary("The applicant shares the case's progress with municipal systems (the exchange's feed), or stops sharing it; each change is in the history.")
            .ProducesValidationProblem());
        Transition(api.MapPost("/{id:guid}/withdraw", WithdrawAsync).RequireAuthorization(ApplicationsApi.ApplicantPolicy).WithName("WithdrawApplication")
            .WithSummary("The applicant withdraws an application not yet final."));
        Transition(api.MapPost("/{id:guid}/handover", HandoverApi.HandoverAsync).RequireAuthorization(ApplicationsApi.HandoverPolicy).WithName("HandOverApplication")
            .WithSummary("The owner or an operator hands the case to a staff member (known to the people directory) of a department in it, with a reason."));
        Transition(api.MapPost("/{id:guid}/visits", VisitAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("RecordVisit")
            .WithSummary("The applicant came in person (跑动): counted per application; the target is zero."));
        return routes;
    }

    // Every transition may be not the caller's to take (403) or not possible in the case's state (409).
    private static void Transition(RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

    private static Task<Results<Ok<ApplicationView>, NotFound, ProblemHttpResult>> AcceptAsync(Guid id, [AsParameters] CaseContext c) =>
        c.TransitionAsync(id, (a, actor, now) => a.Accept(actor, c.Calendar.Current, now), Accepted);

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> RefuseAsync(Guid id, NoteRequest request, [AsParameters] CaseContext c) =>
        Required(request.Reason, "reason") is { } invalid ? invalid
        : (await c.TransitionAsync(id, (a, actor, now) => a.Refuse(actor, request.Reason!, now), Refused(request.Reason!))).OrInvalid();

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> ReturnAsync(Guid id, NoteRequest request, [AsParameters] CaseContext c) =>
        Required(request.Note, "note") is { } invalid ? invalid
        : (await c.TransitionAsync(id, (a, actor, now) => a.ReturnForSupplement(actor, request.Note!, now), Returned(request.Note!))).OrInvalid();

    private static Task<Results<Ok<ApplicationView>, NotFound, ProblemHttpResult>> CompleteStepAsync(Guid id, int step, [AsParameters] CaseContext c) =>
        c.TransitionAsync(id, (a, actor, now) => a.CompleteStep(step, actor, c.Calendar.Current, now));

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(Guid id, DecideRequest request, [AsParameters] CaseContext c)
    {
        if (request.Approved is null)
        {
            return Problems.Invalid("approved", "true to approve, false to deny. 请选择批准或不予批准。");
        }

        if (string.IsNullOrWhiteSpace(request.Decision) || CaseLimits.Check(request.Decision, CaseLimits.Decision) is not null)
        {
            return Problems.Invalid("decision", "The decision in words (at most 2,000 characters). 请填写决定内容（不超过 2000 字）。");
        }

        if (CaseLimits.Check(request.Reasons, CaseLimits.DecisionReasons) is { } reasonsError)
        {
            return Problems.Invalid("reasons", reasonsError);
        }

        var decided = await c.TransitionAsync(
            id,
            (a, actor, now) => a.Decide(request.Approved.Value, request.Decision.Trim(), request.Reasons?.Trim(), actor, now),
            (a, now) =>
            {
                if (a.State == ApplicationState.Approved)
                {
                    // Materials of an approved application join the applicant's wallet.
                    var files = a.Materials.Where(m => m.Kind == AttachedMaterial.Upload && m.FileId is not null).Select(m => m.FileId!.Value).ToList();
                    foreach (var file in c.Db.MaterialFiles.Where(f => files.Contains(f.Id)))
                    {
                        file.Accept(now, c.Settings.WalletValidYears);
                    }
                }

                return new ApplicationDecided(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.ItemVersion, a.LeadDepartment, a.Departments, a.OwnerId,
                    a.State == ApplicationState.Approved, a.Decision!, a.DecidedOnTime, a.InPersonVisits);
            });
        return decided.OrInvalid();
    }

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> WithdrawAsync(Guid id, NoteRequest request, [AsParameters] CaseContext c) =>
        TooLong(request.Reason, "reason") is { } invalid ? invalid
        : (await c.TransitionAsync(id, (a, actor, now) => a.Withdraw(actor, request.Reason?.Trim(), now), Withdrawn)).OrInvalid();

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> ConsentAsync(Guid id, SharingConsentRequest request, [AsParameters] CaseContext c) =>
        request.Consented is not { } consented
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["consented"] = ["true or false. 请选择是否共享办理进度。"] })
            : (await c.TransitionAsync(id, (a, actor, now) => a.ConsentToSharing(actor, consented, now))).OrInvalid();

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> VisitAsync(Guid id, NoteRequest request, [AsParameters] CaseContext c) =>
        TooLong(request.Note, "note") is { } invalid ? invalid
        : (await c.TransitionAsync(id, (a, actor, now) => a.RecordVisit(actor, request.Note?.Trim(), now))).OrInvalid();

    private static ValidationProblem? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) || CaseLimits.Check(value, MaxNoteLength) is not null
            ? Problems.Invalid(field, "Required, at most 2,000 characters (no NUL). 必填，不超过 2000 字。") : null;

    private static ValidationProblem? TooLong(string? value, string field) =>
        CaseLimits.Check(value, MaxNoteLength) is { } error ? Problems.Invalid(field, error) : null;

    private static IIntegrationEvent Accepted(Application a, DateTimeOffset now) =>
        new ApplicationAccepted(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.ItemVersion, a.LeadDepartment, a.OwnerId!, a.DecisionDeadline!.Value);

    private static Func<Application, DateTimeOffset, IIntegrationEvent> Returned(string note) => (a, now) =>
        new ApplicationReturnedForSupplement(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.LeadDepartment, a.OwnerId, note);

    private static Func<Application, DateTimeOffset, IIntegrationEvent> Refused(string reason) => (a, now) =>
        new ApplicationRefused(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.LeadDepartment, a.OwnerId, reason);

    private static IIntegrationEvent Withdrawn(Application a, DateTimeOffset now) =>
        new ApplicationWithdrawn(Guid.CreateVersion7(now), now, a.Id, a.Reference ?? "", a.ApplicantId, a.ItemCode, a.LeadDepartment, a.OwnerId);
}
