namespace Talent.Catalogue.Editing;

/// <summary>Where a version is in the editing workflow; its name is the <c>state</c> a refusal answers with.</summary>
public enum VersionState
{
    Draft,
    InReview,
    Published,

    /// <summary>A newer version was published; kept for history.</summary>
    Superseded,

    /// <summary>The item was taken out of the directory while this version was current.</summary>
    Withdrawn,
}
