using Talent.Contracts.People;
using Talent.ReadModels;
using Xunit;

namespace Talent.Applications.Tests;

/// <summary>How the people directory (the copy of identity's people) takes <c>PersonChanged</c>, which may arrive out of order.</summary>
public sealed class PersonCopyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static PersonChanged Changed(DateTimeOffset at, string name = "李强", string[]? roles = null, string? department = "HRSS", bool disabled = false) =>
        new(Guid.CreateVersion7(), at, "u-1", name, roles ?? ["staff"], department, null, disabled);

    [Fact]
    public void A_newer_change_replaces_name_roles_department_and_disabled()
    {
        var copy = PersonCopy.From(Changed(Now), Now);

        Assert.True(copy.Apply(Changed(Now.AddMinutes(1), "李强（调岗）", ["staff", "commissioner"], "STI", disabled: true), Now.AddMinutes(2)));

        Assert.Equal("李强（调岗）", copy.DisplayName);
        Assert.Equal(["staff", "commissioner"], copy.Roles);
        Assert.Equal("STI", copy.Department);
        Assert.True(copy.Disabled);
        Assert.Equal(Now.AddMinutes(1), copy.ChangedAt);
        Assert.Equal(Now.AddMinutes(2), copy.ReceivedAt);
    }

    [Fact]
    public void An_older_change_arriving_late_changes_nothing()
    {
        var copy = PersonCopy.From(Changed(Now, disabled: true), Now);

        Assert.False(copy.Apply(Changed(Now.AddMinutes(-5), "旧名", department: "EDU"), Now.AddMinutes(1)));

        Assert.True(copy.Disabled);
        Assert.Equal("李强", copy.DisplayName);
        Assert.Equal("HRSS", copy.Department);
        Assert.Equal(Now, copy.ReceivedAt);
    }

    [Fact]
    public void The_same_change_replayed_leaves_the_same_person()
    {
        var changed = Changed(Now);
        var copy = PersonCopy.From(changed, Now);

        Assert.True(copy.Apply(changed, Now.AddMinutes(1)));

        Assert.Equal("李强", copy.DisplayName);
        Assert.Equal(["staff"], copy.Roles);
        Assert.True(copy.HasRole("staff"));
        Assert.False(copy.HasRole("applicant"));
    }

    [Fact]
    public void Values_longer_than_their_columns_are_cut_not_refused()
    {
        var copy = PersonCopy.From(Changed(Now, new string('名', 300), department: new string('D', 30)), Now);

        Assert.Equal(PersonCopy.DisplayNameLength, copy.DisplayName.Length);
        Assert.Equal(PersonCopy.CodeLength, copy.Department!.Length);
    }
}
