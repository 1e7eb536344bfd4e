namespace Talent.Catalogue.References;

public enum ServiceItemType
{
    Licensing,
    PublicService,
    RewardOrSubsidy,
    Certification,
    Other,
}

/// <summary>A department's atomic service item (部门事项), bundled into one-thing items.</summary>
public sealed class ServiceItem
{
    public string Code { get; set; } = "";

    public string TitleZh { get; set; } = "";

    public string? TitleEn { get; set; }

    public string Department { get; set; } = "";

    public ServiceItemType Type { get; set; }

    public List<string> LegalBasis { get; set; } = [];
}
