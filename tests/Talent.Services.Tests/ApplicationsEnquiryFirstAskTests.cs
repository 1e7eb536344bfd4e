using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// First-ask responsibility (首问责任制) for enquiries over HTTP on a real database: a staff member of any department
/// records a question they were asked and owns it; the owner hands it over to a named colleague of the department it
/// belongs to, who answers; the person sees the owner at every moment; the checks name their fields.
/// </summary>
public sealed class ApplicationsEnquiryFirstAskTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> OwnEnquiryAsync(HttpClient person, string id) =>
        (await ApplicationsFixture.GetAsync(person, "/api/applications/enquiries")).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Asked_at_another_department_s_window_the_receiver_owns_it_hands_it_to_a_named_colleague_who_answers_and_the_person_sees_each_owner()
    {
        await app.SeedPersonAsync("first-ask-talent", "张明 Zhang Ming", ["applicant"], applicantKind: "talent");
        await app.SeedPersonAsync("first-ask-lead", "住房局 陈刚", ["staff"], department: ApplicationsFixture.Lead);
        using var window = app.Staff("EDU", "first-ask-edu"); // the item is HOUSING's: asked first at the education bureau's window
        var received = await window.PostAsJsonAsync("/api/applications/enquiries/received",
            new { applicantId = "first-ask-talent", channel = "window", itemCode = app.ItemCode, question = "人才公寓可以和购房补贴同时申请吗？" }, Ct);
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        var enquiry = await ApplicationsFixture.JsonAsync(received);
        var id = enquiry.GetProperty("id").GetString()!;
        Assert.Equal(("first-ask-edu", "EDU", "window"), (enquiry.GetProperty("ownerId").GetString(), enquiry.GetProperty("ownerDepartment").GetString(), enquiry.GetProperty("channel").GetString()));

        using var person = app.Applicant("first-ask-talent");
        Assert.Equal("first-ask-edu", (await OwnEnquiryAsync(person, id)).GetProperty("ownerId").GetString());

        // The lead department sees it but cannot take it from the one asked first.
        using var lead = app.Staff(ApplicationsFixture.Lead, "first-ask-lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync($"/api/applications/enquiries/{id}/answer", new { answer = "可以" }, Ct)).StatusCode);

        var handed = await window.PostAsJsonAsync($"/api/applications/enquiries/{id}/hand-over", new { toStaffId = "first-ask-lead", note = "人才公寓由住房局陈刚负责" }, Ct);
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        var seen = await OwnEnquiryAsync(person, id);
        Assert.Equal(("first-ask-lead", "住房局 陈刚", "HOUSING"), (seen.GetProperty("ownerId").GetString(), seen.GetProperty("ownerName").GetString(), seen.GetProperty("ownerDepartment").GetString()));
        Assert.Equal("人才公寓由住房局陈刚负责", seen.GetProperty("steps")[1].GetProperty("note").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await window.PostAsJsonAsync($"/api/applications/enquiries/{id}/answer", new { answer = "可以" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/applications/enquiries/{id}/answer", new { answer = "可以同时申请，补贴按合同发放。" }, Ct)).StatusCode);
        Assert.Equal(["receive", "handover", "answer"], (await OwnEnquiryAsync(person, id)).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));

        // Whoever was asked first still lists it; a department it never touched does not.
        Assert.Contains((await ApplicationsFixture.GetAsync(window, "/api/applications/enquiries")).EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        using var other = app.Staff("TAX", "first-ask-tax");
        Assert.DoesNotContain((await ApplicationsFixture.GetAsync(other, "/api/applications/enquiries")).EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/applications/enquiries/{id}/hand-over", new { toStaffId = "first-ask-lead", note = "x" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_received_enquiry_or_a_handover_with_unknown_people_or_missing_text_is_a_400_naming_the_field_and_nothing_changes()
    {
        await app.SeedPersonAsync("first-ask-talent-2", "李华", ["applicant"], applicantKind: "talent");
        await app.SeedPersonAsync("first-ask-retired", "已停用", ["staff"], department: ApplicationsFixture.Lead, disabled: true);
        using var window = app.Staff("EDU", "first-ask-edu-2");
        var asked = new Dictionary<string, object?> { ["applicantId"] = "first-ask-talent-2", ["channel"] = "phone", ["itemCode"] = app.ItemCode, ["question"] = "要带什么材料？" };
        foreach (var (field, value) in new (string, object?)[] { ("applicantId", "nobody-here"), ("channel", "online"), ("itemCode", "NO-SUCH-ITEM"), ("question", " ") })
        {
            var response = await window.PostAsJsonAsync("/api/applications/enquiries/received", new Dictionary<string, object?>(asked) { [field] = value }, Ct);
            await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        }

        Assert.Empty((await ApplicationsFixture.GetAsync(window, "/api/applications/enquiries")).EnumerateArray());
        var id = (await ApplicationsFixture.JsonAsync(await window.PostAsJsonAsync("/api/applications/enquiries/received", asked, Ct))).GetProperty("id").GetString();
        await ApplicationsFixture.AssertProblemAsync(await window.PostAsJsonAsync($"/api/applications/enquiries/{id}/hand-over", new { toStaffId = "first-ask-retired", note = "交给他" }, Ct), HttpStatusCode.BadRequest, "toStaffId");
        await ApplicationsFixture.AssertProblemAsync(await window.PostAsJsonAsync($"/api/applications/enquiries/{id}/hand-over", new { toStaffId = "first-ask-talent-2", note = "交给他" }, Ct), HttpStatusCode.BadRequest, "toStaffId");
        await ApplicationsFixture.AssertProblemAsync(await window.PostAsJsonAsync($"/api/applications/enquiries/{id}/hand-over", new { toStaffId = "first-ask-edu-2", note = "" }, Ct), HttpStatusCode.BadRequest, "note");
        var still = (await ApplicationsFixture.GetAsync(window, "/api/applications/enquiries")).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal(("first-ask-edu-2", 0), (still.GetProperty("ownerId").GetString(), still.GetProperty("handovers").GetInt32()));
    }
}
