using Talent.Applications.Applying;
using Xunit;
using static Talent.Applications.Tests.ApplicationStateMachineTests;

namespace Talent.Applications.Tests;

/// <summary>免提交: a shared material is asked for once per submission, and the answer kept unless an older one arrives late.</summary>
public sealed class SharedMaterialTests
{
    [Fact]
    public void A_submission_asks_for_each_shared_material_without_a_record_once_and_keeps_the_answer()
    {
        var application = Draft();
        application.ReferenceSharedMaterials(Card(), Now);
        var asked = application.RequestSharedRecords(Now);
        Assert.Equal(["id-card"], asked.Select(m => m.Code));
        Assert.Equal(SharedRecord.Requested, application.Materials.Single(m => m.Code == "id-card").Shared!.Status);

        // Asked already: a second pass (the same submission answered again) asks nothing more.
        Assert.Empty(application.RequestSharedRecords(Now));

        var obtained = new SharedRecord("obtained", "市数据共享平台", "{\"number\":\"5001\"}", new string('a', 64), null, Now.AddSeconds(2));
        Assert.True(application.RecordShared("id-card", obtained));
        Assert.Equal(obtained, application.Materials.Single(m => m.Code == "id-card").Shared);

        // An answer to an earlier ask, arriving late, does not replace it; nor is an obtained record asked for again.
        Assert.False(application.RecordShared("id-card", obtained with { Status = "unavailable", At = Now.AddSeconds(1) }));
        Assert.Empty(application.RequestSharedRecords(Now.AddMinutes(5)));
        Assert.False(application.RecordShared("contract", obtained));
    }

    [Fact]
    public void A_material_the_source_could_not_give_is_asked_for_again_at_the_next_submission()
    {
        var application = Draft();
        application.ReferenceSharedMaterials(Card(), Now);
        application.RequestSharedRecords(Now);
        application.RecordShared("id-card", new SharedRecord("unavailable", "市数据共享平台", null, null, "no answer", Now.AddSeconds(30)));
        Assert.Equal(["id-card"], application.RequestSharedRecords(Now.AddDays(1)).Select(m => m.Code));
    }
}
