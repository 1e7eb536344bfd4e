using Talent.Contracts.Applications;
using Talent.Http;

namespace Talent.Applications.Applying;

/// <summary>
/// The applicant's consent to share the case's progress with municipal systems (the exchange's change feed): given or
/// taken back by the applicant alone, at any time, each change in the history; while it holds, every change of state is
/// shared (<see cref="ApplicationStateShared"/>), and giving it shares the current state at once (unless a draft).
/// </summary>
public sealed partial class Application
{
    public bool SharesProgress { get; private set; }

    public Refusal? ConsentToSharing(CaseActor actor, bool consented, DateTimeOffset now)
    {
        if (actor.Subject != ApplicantId)
        {
            return Forbidden("Only the applicant decides whether the case's progress is shared. 只有申请人可以决定是否共享办理进度。");
        }

        if (SharesProgress == consented)
        {
            return null;
        }

        SharesProgress = consented;
        Record(actor, consented ? "consent-sharing" : "withdraw-sharing", State, now, null);
        return null;
    }

    /// <summary>The shared state, when the consent holds and there is something to share (a submitted case).</summary>
    public ApplicationStateShared? SharedState(DateTimeOffset now) =>
        SharesProgress && Reference is not null && State != ApplicationState.Draft
            ? new ApplicationStateShared(Guid.CreateVersion7(now), now, Id, Reference, ApplicantId, ItemCode, ItemVersion, LeadDepartment, State.ToString(), SubmittedAt, DueOn)
            : null;
}
