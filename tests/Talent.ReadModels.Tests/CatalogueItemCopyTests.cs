using Talent.Contracts.Catalogue;
using Xunit;

namespace Talent.ReadModels.Tests;

/// <summary>How a service's copy of a catalogue item takes the publish and withdrawal events, which travel on separate queues.</summary>
public sealed class CatalogueItemCopyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static CatalogueItemPublished Published(int version, string title = "人才公寓") =>
        new(Guid.CreateVersion7(), Now, "TALENT-APARTMENT", version, title, "Talent apartment");

    private static CatalogueItemWithdrawn Withdrawn(int version) =>
        new(Guid.CreateVersion7(), Now, "TALENT-APARTMENT", version, "政策到期 Policy ended");

    [Fact]
    public void A_publish_of_the_same_version_replayed_after_its_withdrawal_leaves_the_item_withdrawn()
    {
        var copy = CatalogueItemCopy.From(Published(2), Now);
        Assert.True(copy.Apply(Withdrawn(2)));

        copy.Apply(Published(2, "人才公寓（重放）"), Now);

        Assert.True(copy.Withdrawn);
        Assert.Equal("政策到期 Policy ended", copy.WithdrawalReason);
        Assert.Equal("人才公寓（重放）", copy.TitleZh);
    }

    [Fact]
    public void A_newer_version_published_after_a_withdrawal_puts_the_item_back()
    {
        var copy = CatalogueItemCopy.From(Published(2), Now);
        copy.Apply(Withdrawn(2));

        Assert.True(copy.Apply(Published(3), Now));

        Assert.False(copy.Withdrawn);
        Assert.Null(copy.WithdrawalReason);
        Assert.Equal(3, copy.Version);
    }

    [Fact]
    public void A_withdrawal_that_arrives_before_the_item_keeps_it_out_when_that_version_arrives()
    {
        var copy = CatalogueItemCopy.Tombstone(Withdrawn(1), Now);

        copy.Apply(Published(1), Now);

        Assert.True(copy.Withdrawn);
        Assert.Equal(1, copy.Version);
        Assert.Equal("人才公寓", copy.TitleZh);
    }

    [Fact]
    public void A_withdrawal_of_an_older_version_does_not_withdraw_a_newer_one()
    {
        var copy = CatalogueItemCopy.From(Published(3), Now);

        Assert.False(copy.Apply(Withdrawn(2)));

        Assert.False(copy.Withdrawn);
    }

    [Fact]
    public void An_older_version_arriving_late_changes_nothing()
    {
        var copy = CatalogueItemCopy.From(Published(3, "第三版"), Now);

        Assert.False(copy.Apply(Published(2, "第二版"), Now));

        Assert.Equal(3, copy.Version);
        Assert.Equal("第三版", copy.TitleZh);
    }
}
