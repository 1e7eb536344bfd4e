using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Catalogue.References;

namespace Talent.Catalogue.Demo;

/// <summary>
/// DEMONSTRATION DATA, NOT OFFICIAL INFORMATION: departments, policies and departmental service items of a fictional
/// high-tech zone (Chongqing's telephone code 023, as the source article's zone), shaped after the source article (seeded only
/// when <c>Catalogue:DemoData</c> is on; idempotent).
/// The 37 one-thing items that use them are in <see cref="DemoCatalogue"/>.
/// </summary>
public static class DemoReferenceData
{
    public const string Hours = "周一至周五 9:00-12:00, 13:30-17:00 (Mon-Fri)";
    public const string Hall = "高新区政务服务中心 (Zone government service centre), 1 Innovation Road";

    private static readonly Department[] Departments =
    [
        new() { Code = "STI", NameZh = "科技创新局", NameEn = "Science and Technology Innovation Bureau", Phone = "023-6800 1001", Address = Hall, OpeningHours = Hours },
        new() { Code = "HRSS", NameZh = "人力资源和社会保障局", NameEn = "Human Resources and Social Security Bureau", Phone = "023-6800 1002", Address = Hall, OpeningHours = Hours },
        new() { Code = "HOUSING", NameZh = "住房保障和房产管理局", NameEn = "Housing Security Bureau", Phone = "023-6800 1003", Address = Hall, OpeningHours = Hours },
        new() { Code = "EDU", NameZh = "教育局", NameEn = "Education Bureau", Phone = "023-6800 1004", Address = Hall, OpeningHours = Hours },
        new() { Code = "HEALTH", NameZh = "卫生健康局", NameEn = "Health Commission", Phone = "023-6800 1005", Address = Hall, OpeningHours = Hours },
        new() { Code = "MARKET", NameZh = "市场监督管理局", NameEn = "Market Supervision Bureau", Phone = "023-6800 1006", Address = Hall, OpeningHours = Hours },
        new() { Code = "FINANCE", NameZh = "金融服务中心", NameEn = "Financial Services Centre", Phone = "023-6800 1007", Address = Hall, OpeningHours = Hours },
        new() { Code = "DEV", NameZh = "发展和改革局", NameEn = "Development and Reform Bureau", Phone = "023-6800 1008", Address = Hall, OpeningHours = Hours },
        new() { Code = "TAX", NameZh = "税务局", NameEn = "Tax Bureau", Phone = "023-6800 1009", Address = Hall, OpeningHours = Hours },
        new() { Code = "IP", NameZh = "知识产权局", NameEn = "Intellectual Property Office", Phone = "023-6800 1010", Address = Hall, OpeningHours = Hours },
        new() { Code = "ECON", NameZh = "经济和信息化局", NameEn = "Economy and Information Technology Bureau", Phone = "023-6800 1011", Address = Hall, OpeningHours = Hours },
        new() { Code = "COMMERCE", NameZh = "商务局", NameEn = "Commerce Bureau", Phone = "023-6800 1012", Address = Hall, OpeningHours = Hours },
        new() { Code = "POLICE", NameZh = "公安分局", NameEn = "Public Security Sub-bureau", Phone = "023-6800 1013", Address = Hall, OpeningHours = Hours },
    ];

    public static Department DepartmentByCode(string code) => Departments.Single(d => d.Code == code);

    public static IReadOnlyList<Department> AllDepartments => Departments;

    private static readonly Policy[] Policies =
    [
        Policy("POL-TALENT-HOUSING", "高新区人才安居实施办法（演示）", "Talent housing measures (demo)", "HOUSING", "高新住〔2024〕3号"),
        Policy("POL-TALENT-SCHOOLING", "高层次人才子女入学保障办法（演示）", "Schooling for children of high-level talents (demo)", "EDU", "高新教〔2024〕7号"),
        Policy("POL-SPOUSE-EMPLOYMENT", "人才配偶就业服务办法（演示）", "Employment services for talents' spouses (demo)", "HRSS", "高新人社〔2024〕11号"),
        Policy("POL-MEDICAL-GREEN", "人才医疗绿色通道管理办法（演示）", "Medical green channel for talents (demo)", "HEALTH", "高新卫〔2024〕5号"),
        Policy("POL-RESEARCH-PROJECTS", "科技计划项目管理办法（演示）", "Research project management measures (demo)", "STI", "高新科〔2024〕21号"),
        Policy("POL-PROOF-OF-CONCEPT", "概念验证中心建设与资助办法（演示）", "Proof-of-concept funding measures (demo)", "STI", "高新科〔2024〕22号"),
        Policy("POL-PILOT-PLATFORMS", "中试平台共享使用补助办法（演示）", "Pilot platform use subsidies (demo)", "STI", "高新科〔2024〕23号"),
        Policy("POL-TRANSFORMATION-REWARD", "科技成果转化奖励办法（演示）", "Technology transfer rewards (demo)", "STI", "高新科〔2024〕24号"),
        Policy("POL-HIGH-TECH-RECOGNITION", "高新技术企业培育和认定扶持办法（演示）", "High-tech enterprise recognition support (demo)", "STI", "高新科〔2024〕25号"),
        Policy("POL-STARTUP-LOANS", "创业担保贷款及贴息办法（演示）", "Start-up guarantee loans and interest subsidies (demo)", "FINANCE", "高新金〔2024〕2号"),
        Policy("POL-TALENT-DATABASE", "高新区人才库管理办法（演示）", "Talent database management (demo)", "HRSS", "高新人社〔2024〕12号"),
        // The zone-wide policies the departmental items merged into the one-thing items rest on (DemoCatalogue.Merged*).
        Policy("POL-ENTERPRISE-STARTUP", "企业开办便利化若干措施（演示）", "Measures to make opening a business easier (demo)", "MARKET", "高新市监〔2024〕4号"),
        Policy("POL-SOCIAL-INSURANCE", "社会保险经办服务规程（演示）", "Social insurance service procedures (demo)", "HRSS", "高新人社〔2024〕13号"),
        Policy("POL-HOUSING-PROVIDENT", "住房公积金缴存与使用办法（演示）", "Housing provident fund contributions and use (demo)", "HOUSING", "高新住〔2024〕4号"),
        Policy("POL-TAX-INCENTIVES", "科技企业税收优惠政策指引（演示）", "Tax incentives for technology enterprises: guidance (demo)", "TAX", "高新税〔2024〕6号"),
        Policy("POL-IP-FUNDING", "知识产权资助与奖励办法（演示）", "Intellectual property grants and rewards (demo)", "IP", "高新知〔2024〕3号"),
        Policy("POL-INDUSTRIAL-LAND", "工业用地与标准厂房管理办法（演示）", "Industrial land and standard factories (demo)", "ECON", "高新经信〔2024〕8号"),
        Policy("POL-FOREIGN-TALENT", "外籍人才服务保障办法（演示）", "Services for foreign talents (demo)", "STI", "高新科〔2024〕26号"),
        Policy("POL-ENTERPRISE-GROWTH", "企业梯度培育实施方案（演示）", "Tiered enterprise cultivation plan (demo)", "ECON", "高新经信〔2024〕9号"),
        Policy("POL-CAPITAL-MARKET", "企业利用资本市场扶持办法（演示）", "Support for enterprises using capital markets (demo)", "FINANCE", "高新金〔2024〕3号"),
        Policy("POL-EXPORT-TRADE", "外贸稳增长扶持办法（演示）", "Support for steady foreign trade growth (demo)", "COMMERCE", "高新商〔2024〕5号"),
        Policy("POL-PROJECT-APPROVAL", "工程建设项目审批制度改革实施方案（演示）", "Construction project approval reform plan (demo)", "DEV", "高新发改〔2024〕10号"),
        Policy("POL-ELDERLY-CARE", "人才家属养老服务办法（演示）", "Elderly care for talents' families (demo)", "HEALTH", "高新卫〔2024〕6号"),
    ];

    public static async Task SeedAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        db.Departments.AddRange(Departments.Where(d => !departments.Contains(d.Code)));
        var policies = await db.Policies.Select(p => p.Code).ToListAsync(cancellationToken);
        db.Policies.AddRange(AllPolicies().Where(p => !policies.Contains(p.Code)));
        var items = await db.ServiceItems.Select(i => i.Code).ToListAsync(cancellationToken);
        db.ServiceItems.AddRange(AllServiceItems().Where(i => !items.Contains(i.Code)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The article's figures: about 60 policies and 280 departmental items, merged into 37 one-thing items.</summary>
    public static IEnumerable<Policy> AllPolicies() => Policies.Concat(DemoCatalogue.Policies());

    public static IEnumerable<ServiceItem> AllServiceItems() => DemoCatalogue.ServiceItems();

    /// <summary>Pure reference codes of the demonstration data, for validating it without a database.</summary>
    public static FlowCards.IReferenceCodes Codes() =>
        new ReferenceCodes(Departments.Select(d => d.Code), AllPolicies().Select(p => p.Code), AllServiceItems().Select(i => i.Code));

    private static Policy Policy(string code, string titleZh, string titleEn, string department, string number) => new()
    {
        Code = code,
        TitleZh = titleZh,
        TitleEn = titleEn,
        IssuingDepartment = department,
        DocumentNumber = number + "（演示 demo）",
        IssuedOn = new DateOnly(2024, 3, 1),
        EffectiveFrom = new DateOnly(2024, 4, 1),
        ExpiresOn = new DateOnly(2028, 3, 31),
        Summary = "演示数据，非官方信息。Demonstration data, not official information.",
        Status = PolicyStatus.Effective,
    };
}
