namespace Talent.Applications.Applying;

// The clocks: which deadline runs and whether the decision came in time (DeadlineSweep marks the alerts raised for it).
public sealed partial class Application
{
    /// <summary>The deadline that runs now: acceptance while submitted, decision while accepted or in review.</summary>
    public (string Name, DateOnly Due)? RunningDeadline => State switch
    {
        ApplicationState.Submitted when AcceptanceDeadline is { } due => ("acceptance", due),
        ApplicationState.Accepted or ApplicationState.InReview when PausedSince is null && DecisionDeadline is { } due => ("decision", due),
        _ => null,
    };

    /// <summary>On time: decided on or before the decision deadline.</summary>
    public bool DecidedOnTime => DecidedAt is { } at && DecisionDeadline is { } due && Today(at) <= due;
}
