using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Filing at a service window (staff on a walk-in applicant's behalf) and handing a case over are checked against the
/// people directory (applications' copy of identity's people, seeded directly here): only staff of a department the
/// item involves file, only for a real applicant; a case goes only to real staff of a department it involves.
/// </summary>
public sealed class ApplicationsWindowFilingTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Window_filing_by_staff_of_a_department_the_item_does_not_involve_is_a_403()
    {
        using var outsider = app.Staff("EDU", "window-edu-staff");
        var response = await outsider.PostAsJsonAsync("/api/applications", new { itemCode = app.ItemCode, applicantId = "window-walk-in-1", applicantName = "王五" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.ApplicationsOfAsync("window-walk-in-1"));
    }

    [Fact]
    public async Task Window_filing_for_an_unknown_applicant_is_a_400_naming_the_applicant()
    {
        using var staff = app.Staff(ApplicationsFixture.Lead, "window-lead-staff");
        var response = await staff.PostAsJsonAsync("/api/applications", new { itemCode = app.ItemCode, applicantId = "window-nobody", applicantName = "无名" }, Ct);
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "applicantId");
        Assert.Equal(0, await app.ApplicationsOfAsync("window-nobody"));
    }

    [Fact]
    public async Task Staff_of_the_lead_or_a_step_department_file_for_a_known_applicant_and_own_the_window_draft()
    {
        await app.SeedPersonAsync("window-talent", "赵六 Zhao Liu", ["applicant"], applicantKind: "talent");
        foreach (var (department, filer) in new[] { (ApplicationsFixture.Lead, "window-housing-filer"), (ApplicationsFixture.StepDepartment, "window-hr-filer") })
        {
            using var staff = app.Staff(department, filer);
            var response = await staff.PostAsJsonAsync("/api/applications", new { itemCode = app.ItemCode, applicantId = "window-talent", applicantName = "随便写的名字" }, Ct);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var view = await ApplicationsFixture.JsonAsync(response);
            Assert.Equal("window", view.GetProperty("channel").GetString());
            Assert.Equal("window-talent", view.GetProperty("applicantId").GetString());
            Assert.Equal("赵六 Zhao Liu", view.GetProperty("applicantName").GetString());
            Assert.Equal(filer, view.GetProperty("owner").GetProperty("id").GetString());
        }

        Assert.Equal(2, await app.ApplicationsOfAsync("window-talent"));
    }

    [Fact]
    public async Task Window_filing_for_a_person_who_is_not_an_applicant_or_is_disabled_is_a_400_naming_the_applicant()
    {
        await app.SeedPersonAsync("window-colleague", "同事", ["staff"], department: ApplicationsFixture.Lead);
        await app.SeedPersonAsync("window-disabled", "已停用", ["applicant"], applicantKind: "talent", disabled: true);
        using var staff = app.Staff(ApplicationsFixture.Lead, "window-lead-staff-2");
        foreach (var applicant in new[] { "window-colleague", "window-disabled" })
        {
            var response = await staff.PostAsJsonAsync("/api/applications", new { itemCode = app.ItemCode, applicantId = applicant }, Ct);
            await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "applicantId");
            Assert.Equal(0, await app.ApplicationsOfAsync(applicant));
        }
    }

    [Fact]
    public async Task Window_filing_by_staff_without_a_department_is_a_403()
    {
        await app.SeedPersonAsync("window-talent-2", "钱七", ["applicant"], applicantKind: "talent");
        using var staff = app.Host.ClientAs(TestTokens.For("window-no-department", "applications", ["staff"]));
        var response = await staff.PostAsJsonAsync("/api/applications", new { itemCode = app.ItemCode, applicantId = "window-talent-2" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_hand_over_to_a_non_staff_member_or_staff_of_an_uninvolved_department_is_a_400_naming_them()
    {
        await app.SeedPersonAsync("handover-talent", "申请人", ["applicant"], applicantKind: "talent");
        await app.SeedPersonAsync("handover-edu", "教育局 孙八", ["staff"], department: "EDU");
        var (id, owner) = await app.AcceptedCaseAsync("handover-wrong");
        foreach (var (target, department) in new[] { ("handover-talent", ApplicationsFixture.StepDepartment), ("handover-edu", "EDU") })
        {
            var response = await owner.PostAsJsonAsync($"/api/applications/{id}/handover", new { toStaffId = target, toDepartment = department, reason = "休假" }, Ct);
            await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "toStaffId");
        }

        Assert.Equal("handover-wrong-owner", (await ApplicationsFixture.GetAsync(owner, $"/api/applications/{id}")).GetProperty("owner").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_hand_over_to_staff_of_a_department_in_the_case_records_the_directory_name_and_a_wrong_department_is_a_400()
    {
        await app.SeedPersonAsync("handover-hr", "人社局 李四", ["staff"], department: ApplicationsFixture.StepDepartment);
        var (id, owner) = await app.AcceptedCaseAsync("handover-right");

        var wrong = await owner.PostAsJsonAsync($"/api/applications/{id}/handover", new { toStaffId = "handover-hr", toDepartment = "EDU", reason = "休假" }, Ct);
        await ApplicationsFixture.AssertProblemAsync(wrong, HttpStatusCode.BadRequest, "toDepartment");

        var response = await owner.PostAsJsonAsync($"/api/applications/{id}/handover",
            new { toStaffId = "handover-hr", toStaffName = "冒名", toDepartment = ApplicationsFixture.StepDepartment, reason = "休假，移交人社局同事" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newOwner = (await ApplicationsFixture.JsonAsync(response)).GetProperty("owner");
        Assert.Equal("handover-hr", newOwner.GetProperty("id").GetString());
        Assert.Equal("人社局 李四", newOwner.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_hand_over_to_an_unknown_staff_member_is_a_400_naming_them_and_the_owner_stays()
    {
        var (id, owner) = await app.AcceptedCaseAsync("handover-unknown");
        var response = await owner.PostAsJsonAsync($"/api/applications/{id}/handover",
            new { toStaffId = "handover-ghost", toStaffName = "幽灵", toDepartment = ApplicationsFixture.StepDepartment, reason = "休假" }, Ct);
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "toStaffId");
        Assert.Equal("handover-unknown-owner", (await ApplicationsFixture.GetAsync(owner, $"/api/applications/{id}")).GetProperty("owner").GetProperty("id").GetString());
    }
}
