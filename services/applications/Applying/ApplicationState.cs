namespace Talent.Applications.Applying;

/// <summary>Where an application stands; stored and answered by name (<c>"InReview"</c>).</summary>
public enum ApplicationState
{
    Draft,
    Submitted,
    Accepted,
    NotAccepted,
    ReturnedForSupplement,
    InReview,
    Approved,
    Denied,
    Withdrawn,
}
