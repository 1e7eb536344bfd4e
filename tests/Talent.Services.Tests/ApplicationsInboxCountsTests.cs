extern alias applications;
using System.Text.Json;
using applications::Talent.Applications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The staff inbox's counts (the console's "on track / due soon / overdue" tabs) agree with what the inbox lists under
/// each filter, for the caller's department only.
/// </summary>
public sealed class ApplicationsInboxCountsTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inbox_counts_match_the_inbox_lists_of_each_deadline_status_and_only_the_callers_department()
    {
        // A department of this test alone; its cases' deadlines set directly: 2 overdue, 1 due today (due soon), 3 far off.
        var department = $"CNT{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        DateOnly?[] dues = [today.AddDays(-3), today.AddDays(-1), today, today.AddDays(30), today.AddDays(40), null];
        using var applicant = app.Applicant("counts-applicant");
        foreach (var due in dues)
        {
            var id = await app.DraftAsync(applicant);
            await using var scope = app.Host.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            await db.Applications.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AwaitingDepartmentCode, department).SetProperty(a => a.DueOn, due), Ct);
        }

        using var staff = app.Staff(department, "counts-staff");
        var counts = await ApplicationsFixture.GetAsync(staff, "/api/applications/inbox/counts");
        Assert.Equal(2, counts.GetProperty("overdue").GetInt32());
        Assert.Equal(1, counts.GetProperty("dueSoon").GetInt32());
        Assert.Equal(3, counts.GetProperty("onTrack").GetInt32());
        Assert.Equal(6, counts.GetProperty("total").GetInt32());
        foreach (var status in new[] { "overdue", "dueSoon", "onTrack" })
        {
            var listed = await ApplicationsFixture.GetAsync(staff, $"/api/applications/inbox?status={status}&pageSize=100");
            Assert.Equal(counts.GetProperty(status).GetInt32(), listed.GetProperty("total").GetInt32());
        }

        using var other = app.Staff(ApplicationsFixture.StepDepartment, "counts-other-staff");
        var theirs = await ApplicationsFixture.GetAsync(other, "/api/applications/inbox/counts");
        var theirList = await ApplicationsFixture.GetAsync(other, "/api/applications/inbox?pageSize=100");
        Assert.Equal(theirList.GetProperty("total").GetInt32(), theirs.GetProperty("total").GetInt32());
        Assert.DoesNotContain(theirList.GetProperty("items").EnumerateArray(), i => i.GetProperty("awaitingDepartment").GetString() == department);
    }
}
