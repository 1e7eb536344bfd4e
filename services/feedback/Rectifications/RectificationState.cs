namespace Talent.Feedback.Rectifications;

/// <summary>The stages of the bad-review loop, in order.</summary>
public enum RectificationState
{
    Raised,
    Verifying,
    Rectifying,
    ReturnVisit,
    Closed,
}

/// <summary>A department's appeal against the review: none yet, waiting for an operator, or decided.</summary>
public enum AppealState
{
    None,
    Pending,
    Upheld,
    Removed,
}
