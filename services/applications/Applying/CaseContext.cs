using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Contracts;
using Talent.Contracts.Catalogue;
using Talent.Http;
using Talent.Messaging.Outbox;
using Talent.ReadModels;

namespace Talent.Applications.Applying;

/// <summary>
/// What every case endpoint works with, bound once with <c>[AsParameters]</c>: the caller, the database, the working-day
/// calendar, the options and the clock; and the steps they share (finding a case the caller may see, one transition,
/// saving, the view answered).
/// </summary>
public sealed record CaseContext(
    ClaimsPrincipal User, ApplicationsDbContext Db, CalendarProvider Calendar, IOptions<ApplicationsOptions> Options, TimeProvider Time, CancellationToken Cancellation)
{
    // A published version's flow card never changes: kept in memory once read (a few hundred versions at most).
    private static readonly ConcurrentDictionary<(string Code, int Version), FlowCardSnapshot> Cards = new();

    public CaseActor Actor => Actors.ActorOf(User);

    public ApplicationsOptions Settings => Options.Value;

    /// <summary>The case, when the caller may see it: theirs, filed by them, an operator's view, or their department's once submitted.</summary>
    public async Task<Application?> VisibleAsync(Guid id, bool tracking)
    {
        var query = tracking ? Db.Applications : Db.Applications.AsNoTracking();
        var application = await query.SingleOrDefaultAsync(a => a.Id == id, Cancellation);
        var actor = Actor;
        var visible = application is not null && (
            application.ApplicantId == actor.Subject
            || application.FiledBy == actor.Subject
            || actor.IsOperator
            || (actor.IsStaff && actor.Department is { } department && application.Departments.Contains(department) && application.State != ApplicationState.Draft));
        // Someone else's application does not exist for you.
        return visible ? application : null;
    }

    /// <summary>A person of the people directory (this service's copy of the identity service's), unless unknown or disabled.</summary>
    public Task<PersonCopy?> PersonAsync(string subject) =>
        Db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Subject == subject && !p.Disabled, Cancellation);

    /// <summary>The flow card of the version the case was made under.</summary>
    public async Task<FlowCardSnapshot> CardAsync(Application application)
    {
        var key = (application.ItemCode, application.ItemVersion);
        if (!Cards.TryGetValue(key, out var card))
        {
            card = (await Db.CatalogueVersions.AsNoTracking().SingleAsync(v => v.Code == application.ItemCode && v.Version == application.ItemVersion, Cancellation)).FlowCard!;
            Cards.TryAdd(key, card);
        }

        return card;
    }

    /// <summary>
    /// One step of the state machine on a case the caller may see: the transition says why not (403, 409, 400), else the
    /// event it raises is recorded in the outbox with the change.
    /// </summary>
    public async Task<Results<Ok<ApplicationView>, NotFound, ProblemHttpResult>> TransitionAsync(
        Guid id, Func<Application, CaseActor, DateTimeOffset, Refusal?> transition, Func<Application, DateTimeOffset, IIntegrationEvent>? raise = null)
    {
        var application = await VisibleAsync(id, tracking: true);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var now = Time.GetUtcNow();
        var (state, sharing) = (application.State, application.SharesProgress);
        if (transition(application, Actor, now) is { } refusal)
        {
            return refusal.ToProblem();
        }

        if (raise is not null)
        {
            Db.RecordEvent(raise(application, now));
        }

        // A new state, or a consent just given: shared with municipal systems if the applicant consented.
        if ((application.State != state || (application.SharesProgress && !sharing)) && application.SharedState(now) is { } shared)
        {
            Db.RecordEvent(shared);
        }

        return await SaveAsync() is { } conflict ? conflict : TypedResults.Ok(View(application));
    }

    /// <summary>Saves the changes; a 409 naming <c>state</c> when the case changed meanwhile (its revision).</summary>
    public async Task<ProblemHttpResult?> SaveAsync()
    {
        try
        {
            await Db.SaveChangesAsync(Cancellation);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The application changed meanwhile; reload it. 申请已被他人修改，请刷新。", "state");
        }
    }

    public ApplicationView View(Application a) =>
        new(a.Id, a.Reference, a.State.ToString(), a.ItemCode, a.ItemVersion, a.ItemTitleZh, a.LeadDepartment, a.Channel, a.ApplicantId, a.ApplicantName, a.Answers, a.Materials, a.Steps,
            OwnerView.Of(a.OwnerId, a.OwnerName, a.OwnerContact), a.CreatedAt, a.SubmittedAt, a.AcceptanceDeadline, a.DecisionDeadline, a.DueOn, DueStatus(a.DueOn, Application.Today(Time.GetUtcNow())),
            a.Decision, a.DecisionReasons, a.InPersonVisits, a.Allowed(), a.SharesProgress);

    /// <summary>overdue, dueSoon (within <see cref="ApplicationsOptions.DueSoonDays"/> working days) or onTrack; null when no deadline runs.</summary>
    public string? DueStatus(DateOnly? due, DateOnly today) =>
        due is not { } d ? null
        : d < today ? "overdue"
        : d <= Calendar.Current.AddWorkingDays(today, Settings.DueSoonDays) ? "dueSoon"
        : "onTrack";
}

public static class CaseResults
{
    /// <summary>A transition's answer as the result of an endpoint that also checks its request first (400).</summary>
    public static Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult> OrInvalid(this Results<Ok<ApplicationView>, NotFound, ProblemHttpResult> result) =>
        result.Result switch
        {
            Ok<ApplicationView> ok => ok,
            NotFound notFound => notFound,
            _ => (ProblemHttpResult)result.Result,
        };
}
