using Talent.Contracts.Applications;
using Talent.Contracts.Matching;
using Talent.Feedback.Figures;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Invitations;
using Xunit;

namespace Talent.Feedback.Tests;

public sealed class EvaluationTests
{
    private static readonly DateTimeOffset Decided = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    private static EvaluationInvitation Invitation() => EvaluationInvitation.For(
        new ApplicationDecided(Guid.NewGuid(), Decided, Guid.NewGuid(), "TA-2026-000001", "talent-1", "TALENT-APARTMENT", 1, "HOUSING", ["HOUSING"], "staff-housing", true, "同意", true, 0),
        "人才公寓配租", TimeSpan.FromDays(30));

    [Fact]
    public void An_invitation_is_open_for_its_period_and_a_closed_one_cannot_be_rated()
    {
        var invitation = Invitation();
        Assert.Equal(Decided.AddDays(30), invitation.OpenUntil);
        Assert.NotNull(Evaluation.Of(invitation, EvaluationLevel.Satisfied, null, null, null, null, Decided.AddDays(29)));
        Assert.Null(Evaluation.Of(invitation, EvaluationLevel.Satisfied, null, null, null, null, Decided.AddDays(31)));
    }

    [Theory]
    [InlineData(EvaluationLevel.VerySatisfied, false)]
    [InlineData(EvaluationLevel.Satisfied, false)]
    [InlineData(EvaluationLevel.BasicallySatisfied, false)]
    [InlineData(EvaluationLevel.Dissatisfied, true)]
    [InlineData(EvaluationLevel.VeryDissatisfied, true)]
    public void Dissatisfied_or_worse_is_a_bad_review(EvaluationLevel level, bool negative)
    {
        var evaluation = Evaluation.Of(Invitation(), level, null, null, "说明", "mobile", Decided.AddDays(1))!;
        Assert.Equal(negative, evaluation.IsNegative);
        Assert.Equal("mobile", evaluation.Channel);
        Assert.Equal("staff-housing", evaluation.OwnerId);
    }

    [Fact]
    public void One_follow_up_addition_is_allowed()
    {
        var evaluation = Evaluation.Of(Invitation(), EvaluationLevel.Satisfied, null, null, null, null, Decided.AddDays(1))!;
        Assert.True(evaluation.Add("后续已入住，体验很好", Decided.AddDays(5)));
        Assert.False(evaluation.Add("再追加", Decided.AddDays(6)));
        Assert.Equal("后续已入住，体验很好", evaluation.Addition);
    }

    [Fact]
    public void Invalid_parts_are_named_by_field()
    {
        var errors = Evaluation.Validate(null, new Dictionary<string, int> { ["efficiency"] = 6, ["speed"] = 3, ["attitude"] = 5 }, [.. Enumerable.Repeat("快", 11)], new string('字', 501), "fax");
        Assert.Equal(["channel", "comment", "level", "scores.efficiency", "scores.speed", "tags"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(Evaluation.Validate(EvaluationLevel.Satisfied, new Dictionary<string, int> { ["efficiency"] = 5 }, ["高效"], "好", "web"));
    }

    [Fact]
    public void A_closed_engagement_is_rated_by_the_person_served_and_stays_out_of_the_departments_figures()
    {
        var providerId = Guid.NewGuid();
        var invitation = EvaluationInvitation.For(new EngagementClosed(Guid.NewGuid(), Decided, Guid.NewGuid(), Guid.NewGuid(), "talent-1", providerId, "科创经纪人 孙悦", "broker", "孵化器", "融资 500 万"), TimeSpan.FromDays(30));
        Assert.Equal(EvaluationInvitation.Engagement, invitation.SubjectKind);
        Assert.Equal("talent-1", invitation.ApplicantId);
        var evaluation = Evaluation.Of(invitation, EvaluationLevel.VerySatisfied, null, null, "对接很专业", "web", Decided.AddDays(2))!;
        Assert.Equal(providerId.ToString(), evaluation.OwnerId);
        Assert.Equal("broker", evaluation.ItemCode);
        Assert.Null(FigureDelta.Of(evaluation));
        Assert.NotNull(FigureDelta.Of(Evaluation.Of(Invitation(), EvaluationLevel.Satisfied, null, null, null, null, Decided.AddDays(1))!));
    }
}
