using Talent.Applications.Applying;
using Xunit;
using static Talent.Applications.Tests.ApplicationStateMachineTests;

namespace Talent.Applications.Tests;

/// <summary>The applicant alone decides whether a case's progress is shared with municipal systems; nothing of a draft is.</summary>
public sealed class SharingConsentTests
{
    [Fact]
    public void Only_the_applicant_consents_each_change_is_in_the_history_and_only_a_submitted_case_has_a_state_to_share()
    {
        var draft = Draft();
        Assert.Equal(403, draft.ConsentToSharing(Housing, true, Now)!.Status);
        Assert.False(draft.SharesProgress);

        Assert.Null(draft.ConsentToSharing(ApplicationStateMachineTests.Talent, true, Now));
        Assert.True(draft.SharesProgress);
        Assert.Equal("consent-sharing", draft.History[^1].Action);
        Assert.Null(draft.SharedState(Now)); // a draft is nobody's business yet

        var submitted = Submitted();
        Assert.Null(submitted.SharedState(Now)); // no consent
        submitted.ConsentToSharing(ApplicationStateMachineTests.Talent, true, Now);
        var shared = submitted.SharedState(Now)!;
        Assert.Equal((submitted.Reference, "Submitted", submitted.ApplicantId), (shared.Reference, shared.State, shared.ApplicantId));

        // Taken back: nothing more is shared; the same answer twice changes nothing.
        submitted.ConsentToSharing(ApplicationStateMachineTests.Talent, false, Now);
        var entries = submitted.History.Count;
        Assert.Null(submitted.ConsentToSharing(ApplicationStateMachineTests.Talent, false, Now));
        Assert.Equal(entries, submitted.History.Count);
        Assert.Equal("withdraw-sharing", submitted.History[^1].Action);
        Assert.Null(submitted.SharedState(Now));
    }
}
