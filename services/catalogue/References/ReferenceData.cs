using Talent.Catalogue.FlowCards;

namespace Talent.Catalogue.References;

/// <summary>A competent authority (主管部门).</summary>
public sealed class Department
{
    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string? NameEn { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? OpeningHours { get; set; }
}

public enum PolicyStatus
{
    Effective,
    Expired,
    Repealed,
}

/// <summary>A policy document (政策文件), the legal basis of service items.</summary>
public sealed class Policy
{
    public string Code { get; set; } = "";

    public string TitleZh { get; set; } = "";

    public string? TitleEn { get; set; }

    public string IssuingDepartment { get; set; } = "";

    /// <summary>文号, e.g. 杭高新〔2024〕12号.</summary>
    public string? DocumentNumber { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public string? Summary { get; set; }

    public string? SourceUrl { get; set; }

    public PolicyStatus Status { get; set; }
}

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

/// <summary>The reference codes as sets, loaded once per request from the database.</summary>
public sealed class ReferenceCodes(IEnumerable<string> departments, IEnumerable<string> policies, IEnumerable<string> serviceItems) : IReferenceCodes
{
    private readonly HashSet<string> _departments = [.. departments];
    private readonly HashSet<string> _policies = [.. policies];
    private readonly HashSet<string> _serviceItems = [.. serviceItems];

    public bool IsDepartment(string code) => _departments.Contains(code);

    public bool IsPolicy(string code) => _policies.Contains(code);

    public bool IsServiceItem(string code) => _serviceItems.Contains(code);
}
