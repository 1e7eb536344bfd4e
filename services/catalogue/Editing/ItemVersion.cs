using Talent.Catalogue.FlowCards;
using Talent.Http;

namespace Talent.Catalogue.Editing;

/// <summary>
/// One version of a one-thing item through its editing workflow:
/// <c>Draft → InReview → Published</c>, <c>InReview → Draft</c> (returned with a comment), a new draft from the
/// published version, and withdrawal. A published version is immutable. <see cref="Revision"/> changes with every
/// edit: it is the ETag that detects concurrent edits.
/// </summary>
public sealed class ItemVersion
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Code { get; private set; } = "";

    public int Version { get; private set; }

    public int Revision { get; private set; }

    public VersionState State { get; private set; }

    public ItemContent Content { get; private set; } = new();

    public FlowCard FlowCard { get; private set; } = new();

    public string? ReturnComment { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public string LastEditedBy { get; private set; } = "";

    public DateTimeOffset LastEditedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    private ItemVersion()
    {
    }

    public static (ItemVersion? Draft, Refusal? Refusal) StartDraft(string code, ItemContent content, FlowCard card, Actor actor, DateTimeOffset now)
    {
        if (!actor.ActsFor(content.LeadDepartment))
        {
            return (null, Refusal.Forbidden("Staff draft only the items their department leads. 工作人员只能起草本部门牵头的事项。", nameof(VersionState.Draft), []));
        }

        return (new ItemVersion { Code = code, Version = 1, Revision = 1, State = VersionState.Draft, Content = content, FlowCard = card, LastEditedBy = actor.Subject, LastEditedAt = now }, null);
    }

    /// <summary>The next version starts as a copy of this published one.</summary>
    public (ItemVersion? Draft, Refusal? Refusal) StartNextDraft(Actor actor, DateTimeOffset now)
    {
        if (State != VersionState.Published)
        {
            return (null, Conflict("Only the published version is the base of a new draft. 只能以已发布版本为基础起草新版本。"));
        }

        if (!actor.ActsFor(Content.LeadDepartment))
        {
            return (null, Forbidden());
        }

        return (new ItemVersion { Code = Code, Version = Version + 1, Revision = 1, State = VersionState.Draft, Content = Content, FlowCard = FlowCard, LastEditedBy = actor.Subject, LastEditedAt = now }, null);
    }

    /// <summary>Whether this actor may edit now, before anything about the new content is looked at.</summary>
    public Refusal? CanEdit(Actor actor) =>
        State != VersionState.Draft ? Conflict("Only a draft can be edited; a published version never changes. 只有草稿可以修改，已发布版本不可更改。")
        : !actor.ActsFor(Content.LeadDepartment) ? Forbidden()
        : null;

    public Refusal? Edit(ItemContent content, FlowCard card, int expectedRevision, Actor actor, DateTimeOffset now)
    {
        if (CanEdit(actor) is { } refusal)
        {
            return refusal;
        }

        // The new lead department must be the actor's too: staff cannot hand an item away.
        if (!actor.ActsFor(content.LeadDepartment))
        {
            return Forbidden();
        }

        if (expectedRevision != Revision)
        {
            return Conflict($"The draft changed since you read it (revision {Revision}, you sent {expectedRevision}). 草稿已被他人修改，请刷新后重试。");
        }

        Content = content;
        FlowCard = card;
        Touch(actor, now);
        return null;
    }

    public Refusal? Submit(Actor actor, DateTimeOffset now)
    {
        if (State != VersionState.Draft)
        {
            return Conflict("Only a draft can be submitted for review. 只有草稿可以提交审核。");
        }

        if (!actor.ActsFor(Content.LeadDepartment))
        {
            return Forbidden();
        }

        State = VersionState.InReview;
        ReturnComment = null;
        Touch(actor, now);
        return null;
    }

    public Refusal? Return(string comment, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsOperator)
        {
            return Forbidden("Only operators review drafts. 只有运营人员可以审核。");
        }

        if (State != VersionState.InReview)
        {
            return Conflict("Only a draft in review can be sent back. 只有审核中的草稿可以退回。");
        }

        State = VersionState.Draft;
        ReturnComment = comment;
        Touch(actor, now);
        return null;
    }

    /// <summary>Publishes this version; the caller marks the previously published one superseded.</summary>
    public Refusal? Publish(Actor actor, DateTimeOffset now)
    {
        if (!actor.IsOperator)
        {
            return Forbidden("Only operators publish. 只有运营人员可以发布。");
        }

        if (State != VersionState.InReview)
        {
            return Conflict("Only a draft in review can be published. 只有审核中的草稿可以发布。");
        }

        State = VersionState.Published;
        PublishedAt = now;
        Touch(actor, now);
        return null;
    }

    public void Supersede() => State = State == VersionState.Published ? VersionState.Superseded : State;

    public Refusal? Withdraw(string reason, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsOperator)
        {
            return Forbidden("Only operators withdraw items. 只有运营人员可以下架事项。");
        }

        if (State != VersionState.Published)
        {
            return Conflict("Only the published version can be withdrawn. 只有已发布的事项可以下架。");
        }

        State = VersionState.Withdrawn;
        WithdrawalReason = reason;
        Touch(actor, now);
        return null;
    }

    /// <summary>The actions this version allows now (shown with every 409).</summary>
    public IReadOnlyList<string> Allowed() => State switch
    {
        VersionState.Draft => ["edit", "submit"],
        VersionState.InReview => ["publish", "return"],
        VersionState.Published => ["new-draft", "withdraw"],
        _ => [],
    };

    private void Touch(Actor actor, DateTimeOffset now)
    {
        Revision++;
        LastEditedBy = actor.Subject;
        LastEditedAt = now;
    }

    // Every refusal names the state and what it allows, as 409 and 403 answers always have.
    private Refusal Conflict(string message) => Refusal.Conflict(message, State.ToString(), Allowed());

    private Refusal Forbidden(string? message = null) =>
        Refusal.Forbidden(message ?? "Staff act only on the items their department leads. 工作人员只能处理本部门牵头的事项。", State.ToString(), Allowed());
}
