namespace Talent.Applications.Applying;

// The clocks: which deadline runs, the alerts raised for it, and whether the decision came in time.
public sealed partial class Application
{
    /// <summary>The deadline that runs now: acceptance while submitted, decision while accepted or in review.</summary>
    public (string Name, DateOnly Due)? RunningDeadline => State switch
    {
        ApplicationState.Submitted when AcceptanceDeadline is { } due => ("acceptance", due),
        ApplicationState.Accepted or ApplicationState.InReview when PausedSince is null && DecisionDeadline is { } due => ("decision", due),
        _ => null,
    };

    /// <summary>Marks the alert raised; false when it was raised for this deadline already.</summary>
    public bool MarkDueSoon(string deadline)
    {
        if (DueSoonRaisedFor == deadline)
        {
            return false;
        }

        DueSoonRaisedFor = deadline;
        return true;
    }

    public bool MarkOverdue(string deadline)
    {
        if (OverdueRaisedFor == deadline)
        {
            return false;
        }

        OverdueRaisedFor = deadline;
        return true;
    }

    /// <summary>On time: decided on or before the decision deadline.</summary>
    public bool DecidedOnTime => DecidedAt is { } at && DecisionDeadline is { } due && Today(at) <= due;
}
