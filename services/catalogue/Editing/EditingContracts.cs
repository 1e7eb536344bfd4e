using Microsoft.AspNetCore.Http.HttpResults;
using Talent.Catalogue.FlowCards;
using Talent.Http;

namespace Talent.Catalogue.Editing;

/// <summary>A new draft (the code only for the first version), or a draft's replacement content.</summary>
public sealed record DraftRequest(string? Code, ItemContent? Content, FlowCard? FlowCard);

/// <summary>A return's comment or a withdrawal's reason.</summary>
public sealed record ReasonRequest(string? Comment, string? Reason);

/// <summary>One version as the editing endpoints answer it; its revision is also the response's ETag.</summary>
public sealed record VersionView(Guid Id, string Code, int Version, int Revision, string State, ItemContent Content, FlowCard FlowCard, string? ReturnComment, string LastEditedBy, DateTimeOffset LastEditedAt, DateTimeOffset? PublishedAt)
{
    public static VersionView Of(ItemVersion v) =>
        new(v.Id, v.Code, v.Version, v.Revision, v.State.ToString(), v.Content, v.FlowCard, v.ReturnComment, v.LastEditedBy, v.LastEditedAt, v.PublishedAt);

    public static WithETag<Ok<VersionView>> Ok(ItemVersion version) => TypedResults.Ok(Of(version)).WithETag(version.Revision);

    public static WithETag<Created<VersionView>> Created(ItemVersion draft) =>
        TypedResults.Created($"/api/catalogue/drafts/{draft.Id}", Of(draft)).WithETag(draft.Revision);
}

/// <summary>An open version in the editing lists: enough to find it and see where it stands.</summary>
public sealed record DraftSummary(Guid Id, string Code, int Version, int Revision, string State, string TitleZh, string? TitleEn, string LeadDepartment, string? ReturnComment, string LastEditedBy, DateTimeOffset LastEditedAt)
{
    public static DraftSummary Of(ItemVersion v) =>
        new(v.Id, v.Code, v.Version, v.Revision, v.State.ToString(), v.Content.TitleZh, v.Content.TitleEn, v.Content.LeadDepartment, v.ReturnComment, v.LastEditedBy, v.LastEditedAt);
}

/// <summary>
/// A published version as anyone may read it: what the directory said and when. Who edited it, review comments and
/// revisions are the departments' business and stay out.
/// </summary>
public sealed record PublishedVersionView(string Code, int Version, string State, ItemContent Content, FlowCard FlowCard, DateTimeOffset? PublishedAt)
{
    public static PublishedVersionView Of(ItemVersion v) => new(v.Code, v.Version, v.State.ToString(), v.Content, v.FlowCard, v.PublishedAt);
}
