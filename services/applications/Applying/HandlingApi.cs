using Microsoft.AspNetCore.Http.HttpResults;
using Talent.Contracts;
using Talent.Contracts.Applications;
using Talent.Http;

namespace Talent.Applications.Applying;

/// <summary>
/// The transitions after submission, each one call of <see cref="CaseContext.TransitionAsync"/>: accept, refuse, return
/// for supplement, complete a step, decide (staff, each by its department); withdraw (the applicant); hand over (the owner
/// or an operator); record an in-person visit (staff of the case).
/// </summary>
public static class HandlingApi
{
    public const int MaxNoteLength = 2000;

    public static IEndpointRouteBuilder MapHandlingApi(this IEndpointRouteBuilder routes)
    {
        var api = ApplicationsApi.Group(routes);
        Transition(api.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptApplication")
            .WithSummary("Accepts a submitted application (受理): the first handler becomes its owner; the decision deadline starts."));
        Transition(api.MapPost("/{id:guid}/refuse", RefuseAsync).WithName("RefuseApplication")
            .WithSummary("Does not accept a submitted application (不予受理), with the reason."));
        Transition(api.MapPost("/{id:guid}/return", ReturnAsync).WithName("ReturnApplication")
            .WithSummary("Returns a submitted application for supplement (补正), with a note."));
        Transition(api.MapPost("/{id:guid}/steps/{step:int}/complete", CompleteStepAsync).WithName("CompleteStep")
            .WithSummary("Completes the next step of the flow card, by staff of its department."));
        Transition(api.MapPost("/{id:guid}/decide", DecideAsync).WithName("DecideApplication")
            .WithSummary("Approves or denies after the last step (lead department); approved materials join the applicant's wallet."));
        Transition(api.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawApplication")
            .WithSummary("The applicant withdraws an application not yet final."));
        Transition(api.MapPost("/{id:guid}/handover", HandoverAsync).WithName("HandOverApplication")
            .WithSummary("The owner or an operator hands the case to staff of a department in it, with a reason."));
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
        : (await c.TransitionAsync(id, (a, actor, now) => a.Refuse(actor, request.Reason!, now))).OrInvalid();

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

        if (string.IsNullOrWhiteSpace(request.Decision) || request.Decision.Length > 2000 || request.Reasons is { Length: > 4000 })
        {
            return Problems.Invalid("decision", "The decision in words (at most 2,000 characters; reasons at most 4,000). 请填写决定内容。");
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

    private static Task<Results<Ok<ApplicationView>, NotFound, ProblemHttpResult>> WithdrawAsync(Guid id, NoteRequest request, [AsParameters] CaseContext c) =>
        c.TransitionAsync(id, (a, actor, now) => a.Withdraw(actor, request.Reason, now), Withdrawn);

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> HandoverAsync(Guid id, HandoverRequest request, [AsParameters] CaseContext c)
    {
        if (string.IsNullOrWhiteSpace(request.ToStaffId) || string.IsNullOrWhiteSpace(request.ToDepartment))
        {
            return Problems.Invalid("toStaffId", "Name the staff member (toStaffId, toStaffName, toDepartment) who takes the case over. 请填写接收人。");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxNoteLength)
        {
            return Problems.Invalid("reason", "A reason is required (at most 2,000 characters). 移交须说明原因。");
        }

        var to = new CaseActor(request.ToStaffId.Trim(), request.ToStaffName?.Trim() ?? request.ToStaffId.Trim(), false, true, false, request.ToDepartment.Trim());
        return (await c.TransitionAsync(id, (a, actor, now) => a.HandOver(actor, to, request.Reason.Trim(), now))).OrInvalid();
    }

    private static Task<Results<Ok<ApplicationView>, NotFound, ProblemHttpResult>> VisitAsync(Guid id, NoteRequest request, [AsParameters] CaseContext c) =>
        c.TransitionAsync(id, (a, actor, now) => a.RecordVisit(actor, request.Note, now));

    private static ValidationProblem? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxNoteLength ? Problems.Invalid(field, "Required, at most 2,000 characters. 必填，不超过 2000 字。") : null;

    private static IIntegrationEvent Accepted(Application a, DateTimeOffset now) =>
        new ApplicationAccepted(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.ItemVersion, a.LeadDepartment, a.OwnerId!, a.DecisionDeadline!.Value);

    private static Func<Application, DateTimeOffset, IIntegrationEvent> Returned(string note) => (a, now) =>
        new ApplicationReturnedForSupplement(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.LeadDepartment, a.OwnerId, note);

    private static IIntegrationEvent Withdrawn(Application a, DateTimeOffset now) =>
        new ApplicationWithdrawn(Guid.CreateVersion7(now), now, a.Id, a.Reference ?? "", a.ApplicantId, a.ItemCode, a.LeadDepartment, a.OwnerId);
}
