using Talent.Catalogue.Stages;

namespace Talent.Catalogue.Demo;

/// <summary>
/// DEMONSTRATION DATA, NOT OFFICIAL INFORMATION. The 37 one-thing items (一件事) of a fictional high-tech zone, after the
/// source article: production services along the six stages of a venture and the high-frequency life matters.
/// </summary>
public static partial class DemoCatalogue
{
    private const ItemCategory Production = ItemCategory.Production;
    private const ItemCategory LifeService = ItemCategory.Life;

    /// <summary>Production services along the six stages first, then the life matters (the order of the directory).</summary>
    public static IReadOnlyList<DemoItem> Items { get; } = [.. ProductionItems(), .. LifeItems()];
}
