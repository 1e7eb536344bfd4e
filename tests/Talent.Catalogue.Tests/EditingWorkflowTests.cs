using Talent.Catalogue.Editing;
using Xunit;
using static Talent.Catalogue.Tests.Samples;

namespace Talent.Catalogue.Tests;

public sealed class EditingWorkflowTests
{
    // A refusal's status: not yours to do, or not possible in this state.
    private const int Forbidden = 403;
    private const int Conflict = 409;

    private static ItemVersion Draft() => ItemVersion.StartDraft("TALENT-APARTMENT", Content(), Card(), HousingStaff, Now).Draft!;

    private static ItemVersion Published()
    {
        var version = Draft();
        Assert.Null(version.Submit(HousingStaff, Now));
        Assert.Null(version.Publish(Operator, Now));
        return version;
    }

    [Fact]
    public void The_lead_departments_staff_draft_submit_and_an_operator_publishes()
    {
        var version = Published();
        Assert.Equal(VersionState.Published, version.State);
        Assert.Equal(Now, version.PublishedAt);
    }

    [Fact]
    public void Staff_of_another_department_may_not_draft_edit_or_submit_the_item()
    {
        Assert.Equal(Forbidden, ItemVersion.StartDraft("X", Content(), Card(), StiStaff, Now).Refusal!.Status);
        var draft = Draft();
        Assert.Equal(Forbidden, draft.Edit(Content(), Card(), draft.Revision, StiStaff, Now)!.Status);
        Assert.Equal(Forbidden, draft.Submit(StiStaff, Now)!.Status);
        Assert.Equal(VersionState.Draft, draft.State);
    }

    [Fact]
    public void Staff_may_not_hand_an_item_to_another_department()
    {
        var draft = Draft();
        Assert.Equal(Forbidden, draft.Edit(Content() with { LeadDepartment = "STI" }, Card(), draft.Revision, HousingStaff, Now)!.Status);
        Assert.Null(draft.Edit(Content() with { LeadDepartment = "STI" }, Card(), draft.Revision, Operator, Now));
    }

    [Fact]
    public void Only_operators_review_and_staff_cannot_publish()
    {
        var draft = Draft();
        draft.Submit(HousingStaff, Now);
        Assert.Equal(Forbidden, draft.Publish(HousingStaff, Now)!.Status);
        Assert.Equal(Forbidden, draft.Return("缺少附件", HousingStaff, Now)!.Status);
        Assert.Null(draft.Return("请补充收费依据 Please add the fee basis", Operator, Now));
        Assert.Equal(VersionState.Draft, draft.State);
        Assert.Equal("请补充收费依据 Please add the fee basis", draft.ReturnComment);
    }

    [Fact]
    public void An_edit_based_on_a_stale_revision_is_a_conflict_and_changes_nothing()
    {
        var draft = Draft();
        var read = draft.Revision;
        Assert.Null(draft.Edit(Content() with { TitleEn = "First" }, Card(), read, HousingStaff, Now));
        var refusal = draft.Edit(Content() with { TitleEn = "Second" }, Card(), read, HousingStaff, Now);
        Assert.Equal(Conflict, refusal!.Status);
        Assert.Equal("First", draft.Content.TitleEn);
    }

    [Fact]
    public void A_published_version_is_immutable_and_the_refusal_names_what_is_allowed()
    {
        var published = Published();
        var refusal = published.Edit(Content() with { TitleEn = "Changed" }, Card(), published.Revision, Operator, Now);
        Assert.Equal(Conflict, refusal!.Status);
        Assert.Equal(nameof(VersionState.Published), refusal.State);
        Assert.Equal(["new-draft", "withdraw"], refusal.Allowed);
        Assert.Equal("Talent apartment", published.Content.TitleEn);
    }

    [Fact]
    public void A_new_draft_starts_from_the_published_version_with_the_next_number()
    {
        var published = Published();
        var (next, refusal) = published.StartNextDraft(HousingStaff, Now);
        Assert.Null(refusal);
        Assert.Equal(2, next!.Version);
        Assert.Equal(VersionState.Draft, next.State);
        Assert.Equal(published.Content, next.Content);
        Assert.Equal(published.FlowCard, next.FlowCard);
    }

    [Fact]
    public void Withdrawal_is_an_operators_act_on_the_published_version_with_a_reason()
    {
        var published = Published();
        Assert.Equal(Forbidden, published.Withdraw("政策到期", HousingStaff, Now)!.Status);
        Assert.Null(published.Withdraw("政策到期 Policy expired", Operator, Now));
        Assert.Equal(VersionState.Withdrawn, published.State);
        Assert.Equal(Conflict, Draft().Withdraw("x", Operator, Now)!.Status);
    }
}
