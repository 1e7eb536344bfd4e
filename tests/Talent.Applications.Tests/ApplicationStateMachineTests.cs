using System.Text.Json;
using Talent.Applications.Applying;
using Talent.Applications.Enquiries;
using Talent.Contracts.Catalogue;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Applications.Tests;

public sealed class ApplicationStateMachineTests
{
    public static readonly WorkingCalendar Calendar = new(ChinaHolidays.Seed);

    // Thursday 26 Nov 2026, 10:00 in the zone.
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly CaseActor Talent = new("talent-1", "张三", IsApplicant: true, IsStaff: false, IsOperator: false, null);
    public static readonly CaseActor OtherTalent = new("talent-2", "李四", true, false, false, null);
    public static readonly CaseActor Housing = new("staff-housing", "王五", false, true, false, "HOUSING", "023-6800 1003");
    public static readonly CaseActor Hr = new("staff-hr", "赵六", false, true, false, "HRSS");
    public static readonly CaseActor Operator = new("op-1", "运营", false, false, true, null);

    public static FlowCardSnapshot Card(params StepSnapshot[] steps) => new(
        ["在区工作"],
        [new MaterialSnapshot("id-card", "身份证", null, "electronic", 0, true, true, "POLICE"), new MaterialSnapshot("contract", "劳动合同", null, "electronic", 0, true, false, null)],
        steps.Length > 0 ? steps : [new StepSnapshot(1, "受理", null, "HOUSING", 1, true), new StepSnapshot(2, "审核", null, "HRSS", 3, true)],
        15, 7, 0, true, true, [],
        [new FormFieldSnapshot("flatType", "户型", null, "singleChoice", true, 1, [new FormOptionSnapshot("studio", "单间", null), new FormOptionSnapshot("one-bed", "一居室", null)])],
        "023-6800 1003");

    public static Application Draft(FlowCardSnapshot? card = null) =>
        Application.Start(Talent.Subject, Talent.Name, "TALENT-APARTMENT", 1, "人才公寓", card ?? Card(), "HOUSING", "online", Talent, Now);

    private static int references;

    public static string NextReference() => $"TA-2026-{Interlocked.Increment(ref references):D6}";

    public static Application Submitted(FlowCardSnapshot? card = null)
    {
        var application = Draft(card);
        Assert.Null(application.Submit(Talent, "key-1", NextReference, Calendar, 1, Now));
        return application;
    }

    [Fact]
    public void A_submission_gets_a_reference_and_an_acceptance_deadline_one_working_day_later()
    {
        var application = Submitted();
        Assert.Equal(ApplicationState.Submitted, application.State);
        Assert.Matches("^TA-2026-[0-9]{6}$", application.Reference);
        Assert.Equal(new DateOnly(2026, 11, 27), application.AcceptanceDeadline);
        Assert.Equal(("acceptance", new DateOnly(2026, 11, 27)), application.RunningDeadline);
    }

    [Fact]
    public void Accepting_makes_the_first_handler_the_owner_and_starts_the_decision_clock_in_working_days()
    {
        var application = Submitted();
        Assert.Null(application.Accept(Housing, Calendar, Now));
        Assert.Equal(ApplicationState.Accepted, application.State);
        Assert.Equal("staff-housing", application.OwnerId);
        Assert.Equal("023-6800 1003", application.OwnerContact);
        // 7 working days from Thu 26 Nov: 27, 30 Nov, 1, 2, 3, 4, 7 Dec.
        Assert.Equal(new DateOnly(2026, 12, 7), application.DecisionDeadline);
    }

    [Fact]
    public void An_owner_without_a_known_phone_is_shown_with_the_items_enquiry_phone()
    {
        var application = Submitted();
        Assert.Null(application.Accept(new CaseActor("staff-housing-2", "孙七", false, true, false, "HOUSING"), Calendar, Now));
        Assert.Equal("023-6800 1003", application.OwnerContact);
    }

    [Fact]
    public void Steps_are_completed_in_order_each_by_its_department_then_the_lead_department_decides()
    {
        var application = Submitted();
        application.Accept(Housing, Calendar, Now);

        var outOfOrder = application.CompleteStep(2, Hr, Calendar, Now)!;
        Assert.True(outOfOrder.Field == "step");
        Assert.Equal(409, outOfOrder.Status);
        Assert.Equal(403, application.CompleteStep(1, Hr, Calendar, Now)!.Status);
        Assert.Null(application.CompleteStep(1, Housing, Calendar, Now));
        Assert.Equal(ApplicationState.InReview, application.State);
        var early = application.Decide(true, "同意", null, Housing, Now)!;
        Assert.Equal((409, "A decision follows the last step. 所有环节办结后方可作出决定。"), (early.Status, early.Message));
        Assert.Equal(ApplicationState.InReview, application.State);
        Assert.Null(application.CompleteStep(2, Hr, Calendar, Now));
        Assert.Equal(["decide", "withdraw", "handover"], application.Allowed());

        Assert.Equal(403, application.Decide(true, "同意", null, Hr, Now)!.Status);
        Assert.Null(application.Decide(true, "同意配租", null, Housing, Now));
        Assert.Equal(ApplicationState.Approved, application.State);
        Assert.True(application.DecidedOnTime);
        Assert.Equal(["create", "submit", "accept", "complete-step:1", "complete-step:2", "decide"], application.History.Select(h => h.Action));
    }

    [Fact]
    public void A_denial_needs_reasons()
    {
        var application = Submitted(Card(new StepSnapshot(1, "审核", null, "HOUSING", 2, true)));
        application.Accept(Housing, Calendar, Now);
        application.CompleteStep(1, Housing, Calendar, Now);
        var unreasoned = application.Decide(false, "不予批准", " ", Housing, Now)!;
        Assert.Equal("reasons", unreasoned.Field);
        Assert.Equal(400, unreasoned.Status);
        Assert.Null(application.Decide(false, "不予批准", "不符合条件：在区内有自有住房", Housing, Now));
        Assert.Equal(ApplicationState.Denied, application.State);
    }

    [Fact]
    public void A_step_that_does_not_count_pauses_the_decision_clock()
    {
        var card = Card(new StepSnapshot(1, "审核", null, "HOUSING", 2, true), new StepSnapshot(2, "公示", null, "HOUSING", 5, false), new StepSnapshot(3, "决定", null, "HOUSING", 1, true));
        var application = Submitted(card);
        application.Accept(Housing, Calendar, Now);
        var deadline = application.DecisionDeadline;
        application.CompleteStep(1, Housing, Calendar, Now);
        Assert.Null(application.RunningDeadline);   // paused during the public notice

        // The notice takes from Thu 26 Nov to Thu 3 Dec: 5 working days added.
        Assert.Null(application.CompleteStep(2, Housing, Calendar, Now.AddDays(7)));
        Assert.Equal(5, application.PausedDays);
        // Worked out on a calendar: 7 working days from Thu 26 Nov is Mon 7 Dec; 5 more is Mon 14 Dec (no holiday between).
        Assert.Equal(new DateOnly(2026, 12, 7), deadline);
        Assert.Equal(new DateOnly(2026, 12, 14), application.DecisionDeadline);
        Assert.NotNull(application.RunningDeadline);
    }

    [Fact]
    public void Refusal_return_and_resubmission_keep_the_reference_and_the_owner()
    {
        var application = Submitted();
        var reference = application.Reference;
        Assert.Equal(403, application.ReturnForSupplement(Hr, "缺少劳动合同", Now)!.Status);
        Assert.Null(application.ReturnForSupplement(Housing, "缺少劳动合同", Now));
        Assert.Equal(ApplicationState.ReturnedForSupplement, application.State);
        Assert.Equal("staff-housing", application.OwnerId);
        Assert.Null(application.Submit(Talent, "key-2", NextReference, Calendar, 1, Now.AddDays(1)));
        Assert.Equal(reference, application.Reference);
        Assert.Equal("resubmit", application.History[^1].Action);

        Assert.Null(application.Refuse(Housing, "不属于本事项受理范围", Now));
        Assert.Equal(ApplicationState.NotAccepted, application.State);
        Assert.Empty(application.Allowed());
    }

    [Fact]
    public void A_return_sets_the_submission_key_aside_so_only_the_current_submission_key_replays()
    {
        var application = Submitted();
        Assert.Equal(SubmitKeyUse.Current, application.KeyUse("key-1"));
        Assert.Equal(SubmitKeyUse.New, application.KeyUse("key-2"));

        Assert.Null(application.ReturnForSupplement(Housing, "缺少劳动合同", Now));
        Assert.Equal(SubmitKeyUse.Earlier, application.KeyUse("key-1"));
        Assert.Null(application.SubmitKey);

        Assert.Null(application.Submit(Talent, "key-2", NextReference, Calendar, 1, Now));
        Assert.Equal(SubmitKeyUse.Current, application.KeyUse("key-2"));
        Assert.Equal(SubmitKeyUse.Earlier, application.KeyUse("key-1"));
        Assert.Equal(SubmitKeyUse.New, application.KeyUse(null));
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("refuse")]
    [InlineData("return")]
    [InlineData("complete-step")]
    [InlineData("decide")]
    public void Staff_actions_on_a_draft_are_conflicts_that_name_the_state_and_what_is_allowed(string action)
    {
        var application = Draft();
        var refusal = action switch
        {
            "accept" => application.Accept(Housing, Calendar, Now),
            "refuse" => application.Refuse(Housing, "x", Now),
            "return" => application.ReturnForSupplement(Housing, "x", Now),
            "complete-step" => application.CompleteStep(1, Housing, Calendar, Now),
            _ => application.Decide(true, "x", null, Housing, Now),
        };
        Assert.NotNull(refusal);
        Assert.Equal(409, refusal.Status);
        Assert.Equal(nameof(ApplicationState.Draft), refusal.State);
        Assert.Contains("submit", refusal.Allowed!);
    }

    [Fact]
    public void Only_the_applicant_edits_submits_and_withdraws()
    {
        var application = Draft();
        Assert.Equal(403, application.SaveAnswers(new Dictionary<string, JsonElement>(), OtherTalent, Now)!.Status);
        Assert.Equal(403, application.Submit(OtherTalent, null, NextReference, Calendar, 1, Now)!.Status);
        Assert.Equal(403, application.Submit(Housing, null, NextReference, Calendar, 1, Now)!.Status);
        Assert.Equal(403, application.Withdraw(Housing, null, Now)!.Status);
        Assert.Null(application.Withdraw(Talent, "不需要了", Now));
        Assert.Equal(ApplicationState.Withdrawn, application.State);
        Assert.Equal(409, application.Withdraw(Talent, null, Now)!.Status);
    }

    [Fact]
    public void Staff_filing_at_the_window_own_the_case_and_may_fill_and_submit_it()
    {
        var application = Application.Start("talent-1", "张三", "TALENT-APARTMENT", 1, "人才公寓", Card(), "HOUSING", "window", Housing, Now);
        Assert.Equal("staff-housing", application.OwnerId);
        Assert.Equal("window", application.Channel);
        Assert.Null(application.Submit(Housing, null, NextReference, Calendar, 1, Now));
        Assert.Null(application.Accept(Housing, Calendar, Now));
    }

    [Fact]
    public void A_case_is_handed_over_only_by_its_owner_or_an_operator_to_staff_of_a_department_in_it()
    {
        var application = Submitted();
        application.Accept(Housing, Calendar, Now);
        Assert.Equal(403, application.HandOver(Hr, Hr, "x", Now)!.Status);
        var outsider = application.HandOver(Housing, new CaseActor("s", "s", false, true, false, "EDU"), "x", Now)!;
        Assert.Equal("toStaffId", outsider.Field);
        Assert.Equal(400, outsider.Status);
        Assert.Null(application.HandOver(Housing, Hr, "休假，移交人社局同事", Now));
        Assert.Equal("staff-hr", application.OwnerId);
        Assert.Null(application.HandOver(Operator, Housing, "归还", Now));
        Assert.Contains("休假", application.History.Single(h => h.Action == "handover" && h.Actor == "staff-housing").Note);
    }

    [Fact]
    public void Visits_are_recorded_by_staff_of_the_case_and_counted()
    {
        var application = Submitted();
        Assert.Equal(403, application.RecordVisit(new CaseActor("s", "s", false, true, false, "EDU"), null, Now)!.Status);
        Assert.Equal(403, application.RecordVisit(Talent, null, Now)!.Status);
        Assert.Null(application.RecordVisit(Housing, "现场核验原件", Now));
        Assert.Equal(1, application.InPersonVisits);
        Assert.Equal("visit", application.History[^1].Action);
    }

    [Fact]
    public void Answering_the_first_enquiry_about_an_unowned_case_makes_the_answerer_its_owner_once()
    {
        var application = Draft();
        Assert.True(application.AnsweredEnquiry(Hr, Now));
        Assert.Equal("staff-hr", application.OwnerId);
        Assert.False(application.AnsweredEnquiry(Housing, Now));
        Assert.Equal("staff-hr", application.OwnerId);

        var enquiry = Enquiry.Ask(Talent, "TALENT-APARTMENT", application.Id, "HOUSING", "需要什么材料？", Now);
        Assert.Equal(403, enquiry.Reply(Hr, "x", Now)!.Status);
        Assert.Null(enquiry.Reply(Housing, "身份证与劳动合同。", Now));
        Assert.Equal("staff-housing", enquiry.OwnerId);
        Assert.Equal(403, enquiry.Reply(new CaseActor("staff-housing-2", "另一位", false, true, false, "HOUSING"), "y", Now)!.Status);
    }

    [Fact]
    public void Shared_materials_are_referenced_and_only_the_applicants_own_are_missing()
    {
        var card = Card();
        var application = Draft(card);
        application.ReferenceSharedMaterials(card, Now);
        Assert.Equal(["contract"], application.MissingMaterials(card));
        Assert.Equal(AttachedMaterial.DataSharing, application.Materials.Single(m => m.Code == "id-card").Kind);
        application.Attach(new AttachedMaterial("contract", AttachedMaterial.Upload, Guid.NewGuid(), "c.pdf", "application/pdf", 10, "ab", null, Now), Talent);
        Assert.Empty(application.MissingMaterials(card));
    }
}
