using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Every free text the applications API takes is bounded: one character over its limit is a 400 naming the field,
/// and nothing is written.
/// </summary>
public sealed class ApplicationsTextLengthTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Window_filing_with_an_applicant_name_over_200_characters_is_a_400_naming_it()
    {
        using var staff = app.Staff(ApplicationsFixture.Lead, "len-window-staff");
        var response = await staff.PostAsJsonAsync("/api/applications", new { itemCode = app.ItemCode, applicantId = "len-walk-in", applicantName = new string('名', 300) }, Ct);
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "applicantName");
        Assert.Equal(0, await app.ApplicationsOfAsync("len-walk-in"));
    }

    [Fact]
    public async Task Window_filing_with_an_applicant_id_over_100_characters_is_a_400_naming_it()
    {
        using var staff = app.Staff(ApplicationsFixture.Lead, "len-window-staff-2");
        var response = await staff.PostAsJsonAsync("/api/applications", new { itemCode = app.ItemCode, applicantId = new string('x', 101), applicantName = "张三" }, Ct);
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "applicantId");
    }

    [Fact]
    public async Task A_hand_over_with_an_overlong_staff_id_or_name_is_a_400_naming_it_and_the_owner_stays()
    {
        var (id, owner) = await app.AcceptedCaseAsync("len-handover");
        var longId = await owner.PostAsJsonAsync($"/api/applications/{id}/handover",
            new { toStaffId = new string('s', 101), toStaffName = "李四", toDepartment = ApplicationsFixture.StepDepartment, reason = "休假" }, Ct);
        await ApplicationsFixture.AssertProblemAsync(longId, HttpStatusCode.BadRequest, "toStaffId");
        var longName = await owner.PostAsJsonAsync($"/api/applications/{id}/handover",
            new { toStaffId = "len-colleague", toStaffName = new string('名', 201), toDepartment = ApplicationsFixture.StepDepartment, reason = "休假" }, Ct);
        await ApplicationsFixture.AssertProblemAsync(longName, HttpStatusCode.BadRequest, "toStaffName");
        var longDepartment = await owner.PostAsJsonAsync($"/api/applications/{id}/handover",
            new { toStaffId = "len-colleague", toStaffName = "李四", toDepartment = new string('D', 21), reason = "休假" }, Ct);
        await ApplicationsFixture.AssertProblemAsync(longDepartment, HttpStatusCode.BadRequest, "toDepartment");

        var view = await ApplicationsFixture.GetAsync(owner, $"/api/applications/{id}");
        Assert.Equal("len-handover-owner", view.GetProperty("owner").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_withdrawal_reason_over_2000_characters_is_a_400_naming_it_and_the_case_stays()
    {
        using var applicant = app.Applicant("len-withdraw");
        var id = await app.DraftAsync(applicant);
        var response = await applicant.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { reason = new string('因', 2001) }, Ct);
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "reason");
        Assert.Equal("Draft", (await ApplicationsFixture.GetAsync(applicant, $"/api/applications/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_visit_note_over_2000_characters_is_a_400_naming_it_and_no_visit_is_counted()
    {
        var (id, owner) = await app.AcceptedCaseAsync("len-visit");
        var response = await owner.PostAsJsonAsync($"/api/applications/{id}/visits", new { note = new string('记', 2001) }, Ct);
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "note");
        Assert.Equal(0, (await ApplicationsFixture.GetAsync(owner, $"/api/applications/{id}")).GetProperty("inPersonVisits").GetInt32());
    }

    [Fact]
    public async Task Refusal_reasons_return_notes_and_decision_reasons_over_their_limits_are_400s_naming_them()
    {
        using var applicant = app.Applicant("len-handling");
        var id = await app.CompleteDraftAsync(applicant);
        Assert.Equal(HttpStatusCode.OK, (await ApplicationsFixture.SubmitAsync(applicant, id, "len-handling-1")).StatusCode);
        using var lead = app.Staff(ApplicationsFixture.Lead, "len-handling-lead");
        await ApplicationsFixture.AssertProblemAsync(
            await lead.PostAsJsonAsync($"/api/applications/{id}/refuse", new { reason = new string('由', 2001) }, Ct), HttpStatusCode.BadRequest, "reason");
        await ApplicationsFixture.AssertProblemAsync(
            await lead.PostAsJsonAsync($"/api/applications/{id}/return", new { note = new string('补', 2001) }, Ct), HttpStatusCode.BadRequest, "note");
        await ApplicationsFixture.AssertProblemAsync(
            await lead.PostAsJsonAsync($"/api/applications/{id}/decide", new { approved = false, decision = "不予批准", reasons = new string('理', 4001) }, Ct), HttpStatusCode.BadRequest, "reasons");
        await ApplicationsFixture.AssertProblemAsync(
            await lead.PostAsJsonAsync($"/api/applications/{id}/decide", new { approved = true, decision = new string('准', 2001) }, Ct), HttpStatusCode.BadRequest, "decision");
        Assert.Equal("Submitted", (await ApplicationsFixture.GetAsync(applicant, $"/api/applications/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Enquiry_questions_and_answers_over_2000_characters_are_400s_naming_them()
    {
        using var applicant = app.Applicant("len-enquiry");
        await ApplicationsFixture.AssertProblemAsync(
            await applicant.PostAsJsonAsync("/api/applications/enquiries", new { itemCode = app.ItemCode, question = new string('问', 2001) }, Ct), HttpStatusCode.BadRequest, "question");
        var asked = await applicant.PostAsJsonAsync("/api/applications/enquiries", new { itemCode = app.ItemCode, question = "需要哪些材料？" }, Ct);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var enquiry = (await ApplicationsFixture.JsonAsync(asked)).GetProperty("id").GetGuid();
        using var lead = app.Staff(ApplicationsFixture.Lead, "len-enquiry-lead");
        await ApplicationsFixture.AssertProblemAsync(
            await lead.PostAsJsonAsync($"/api/applications/enquiries/{enquiry}/answer", new { answer = new string('答', 2001) }, Ct), HttpStatusCode.BadRequest, "answer");
    }

    [Fact]
    public async Task Text_with_a_NUL_character_which_PostgreSQL_cannot_hold_is_a_400_naming_the_field()
    {
        using var applicant = app.Applicant("nul-applicant");
        await ApplicationsFixture.AssertProblemAsync(
            await applicant.PostAsJsonAsync("/api/applications", new { itemCode = "ITEM\0" }, Ct), HttpStatusCode.BadRequest, "itemCode");
        await ApplicationsFixture.AssertProblemAsync(
            await applicant.PostAsJsonAsync("/api/applications/enquiries", new { itemCode = "ITEM\0", question = "问" }, Ct), HttpStatusCode.BadRequest, "itemCode");
        await ApplicationsFixture.AssertProblemAsync(
            await applicant.PostAsJsonAsync("/api/applications/enquiries", new { itemCode = app.ItemCode, question = "问\0" }, Ct), HttpStatusCode.BadRequest, "question");
        var id = await app.DraftAsync(applicant);
        await ApplicationsFixture.AssertProblemAsync(
            await applicant.PostAsJsonAsync($"/api/applications/{id}/withdraw", new { reason = "因\0" }, Ct), HttpStatusCode.BadRequest, "reason");

        using var staff = app.Staff(ApplicationsFixture.Lead, "nul-staff");
        await ApplicationsFixture.AssertProblemAsync(
            await staff.PostAsJsonAsync("/api/applications", new { itemCode = app.ItemCode, applicantId = "walk-in\0" }, Ct), HttpStatusCode.BadRequest, "applicantId");
        await ApplicationsFixture.AssertProblemAsync(await staff.GetAsync("/api/applications/inbox?item=%00", Ct), HttpStatusCode.BadRequest, "item");
        var (caseId, owner) = await app.AcceptedCaseAsync("nul-handover");
        await ApplicationsFixture.AssertProblemAsync(
            await owner.PostAsJsonAsync($"/api/applications/{caseId}/handover", new { toStaffId = "s\0", reason = "休假" }, Ct), HttpStatusCode.BadRequest, "toStaffId");
        await ApplicationsFixture.AssertProblemAsync(
            await owner.PostAsJsonAsync($"/api/applications/{caseId}/visits", new { note = "记\0" }, Ct), HttpStatusCode.BadRequest, "note");
    }

    [Fact]
    public async Task An_upload_with_a_file_name_over_255_characters_is_a_400_naming_the_file()
    {
        using var applicant = app.Applicant("len-file-name");
        var id = await app.DraftAsync(applicant);
        var response = await ApplicationsFixture.UploadAsync(applicant, id, ApplicationsFixture.Pdf, new string('f', 252) + ".pdf");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "file");
        Assert.Equal(0, (await ApplicationsFixture.GetAsync(applicant, $"/api/applications/{id}")).GetProperty("materials").GetArrayLength());
    }
}
