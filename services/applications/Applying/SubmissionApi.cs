using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Http;
using Talent.Contracts.Exchange;
using Talent.Messaging.Outbox;

namespace Talent.Applications.Applying;

/// <summary>Submitting an application: complete form and materials, a reference number, once per Idempotency-Key.</summary>
public static class SubmissionApi
{
    public const string IdempotencyKey = "Idempotency-Key";

    public static IEndpointRouteBuilder MapSubmissionApi(this IEndpointRouteBuilder routes)
    {
        ApplicationsApi.Group(routes).MapPost("/{id:guid}/submit", SubmitAsync).RequireAuthorization(ApplicationsApi.FilerPolicy).WithName("SubmitApplication")
            .WithSummary("Idempotency-Key: the same key twice gives one submission and the same answer; a key of a submission returned since is 422.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> SubmitAsync(Guid id, HttpRequest http, [AsParameters] CaseContext c)
    {
        var key = http.Headers[IdempotencyKey].ToString();
        key = string.IsNullOrWhiteSpace(key) ? null : key.Trim();
        if (CaseLimits.Check(key, CaseLimits.IdempotencyKey) is { } keyError)
        {
            return Problems.Invalid(IdempotencyKey, keyError);
        }

        var application = await c.VisibleAsync(id, tracking: true);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        switch (application.KeyUse(key))
        {
            case SubmitKeyUse.Current:
                // The same request again: the same answer, nothing new.
                return TypedResults.Ok(c.View(application));
            case SubmitKeyUse.Earlier:
                // The key of a submission that was returned since: replaying it would answer for the wrong submission
                // (IETF idempotency-key draft: a key reused for a different request is 422).
                return Problems.Of(StatusCodes.Status422UnprocessableEntity,
                    "This Idempotency-Key was used by an earlier submission, returned for supplement since: resubmit with a new key. 该幂等键已用于退回补正前的提交，请使用新的幂等键重新提交。",
                    IdempotencyKey);
        }

        var card = await c.CardAsync(application);
        var errors = FormValidation.Validate(card.Form, application.Answers, requireComplete: true);
        foreach (var missing in application.MissingMaterials(card))
        {
            errors[$"materials.{missing}"] = [$"{card.Materials.Single(m => m.Code == missing).NameZh} is required: upload it or reuse it from your wallet. 请上传或从材料库选用。"];
        }

        // A submission that can go through: the actor may submit and the state allows it (else Submit says why).
        var canSubmit = application.MayEdit(c.Actor) && application.State is ApplicationState.Draft or ApplicationState.ReturnedForSupplement;
        if (errors.Count > 0 && canSubmit)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = c.Time.GetUtcNow();
        // A number is taken only for a submission that can go through: a refusal never uses one up.
        var reference = application.Reference ?? (canSubmit ? await ReferenceNumbers.NextAsync(c.Db, now, c.Cancellation) : "");
        if (application.Submit(c.Actor, key, () => reference, c.Calendar.Current, c.Settings.AcceptanceDaysFor(application.ItemCode), now) is { } refusal)
        {
            return refusal.ToProblem();
        }

        c.Db.RecordEvent(new ApplicationSubmitted(Guid.CreateVersion7(now), now, application.Id, application.Reference!, application.ApplicantId, application.ItemCode, application.ItemVersion,
            application.LeadDepartment, application.Departments, application.Channel, application.AcceptanceDeadline!.Value));
        if (application.SharedState(now) is { } state)
        {
            c.Db.RecordEvent(state);
        }

        // 免提交: the exchange asks each department's system for the records, in the same transaction as the submission.
        var shared = application.RequestSharedRecords(now);
        if (shared.Count > 0)
        {
            c.Db.RecordEvent(new SharedMaterialsRequested(Guid.CreateVersion7(now), now, application.Id, application.Reference!, application.ApplicantId,
                [.. shared.Select(m => new SharedMaterialAsk(m.Code,
                    card.Materials.FirstOrDefault(s => s.Code == m.Code)?.SourceDepartment ?? m.SharingReference?.Split(':')[0] ?? application.LeadDepartment))]));
        }

        try
        {
            await c.Db.SaveChangesAsync(c.Cancellation);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent request with the same key got there first: answer as it did; anything else is a conflict.
            c.Db.ChangeTracker.Clear();
            var current = await c.Db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, c.Cancellation);
            return key is not null && current.SubmitKey == key
                ? TypedResults.Ok(c.View(current))
                : Problems.Of(StatusCodes.Status409Conflict, "The application changed while you submitted it. 申请已被修改，请刷新。", "state");
        }

        return TypedResults.Ok(c.View(application));
    }
}
