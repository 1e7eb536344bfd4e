namespace Talent.Matching.Matching;

/// <summary>A closed list of codes (domains, service types, stages, languages), each a bit, so overlaps are one AND.</summary>
public sealed class Vocabulary(string name, params (string Code, string Zh, string En)[] terms)
{
    public string Name { get; } = name;

    public IReadOnlyList<(string Code, string Zh, string En)> Terms { get; } = terms;

    public IEnumerable<string> Codes => Terms.Select(t => t.Code);

    public bool Contains(string code) => Terms.Any(t => t.Code == code);

    public ulong Mask(IEnumerable<string> codes)
    {
        ulong mask = 0;
        foreach (var code in codes)
        {
            var index = Terms.ToList().FindIndex(t => t.Code == code);
            if (index >= 0)
            {
                mask |= 1UL << index;
            }
        }

        return mask;
    }

    /// <summary>Field-named error when some code is not in the list, or when none is given and one is required.</summary>
    public string[]? Check(IReadOnlyCollection<string>? codes, bool required)
    {
        if (codes is null || codes.Count == 0)
        {
            return required ? [$"At least one of {string.Join(", ", Codes)}. 请至少选择一项。"] : null;
        }

        var unknown = codes.Where(c => !Contains(c)).ToList();
        return unknown.Count > 0 || codes.Count > Terms.Count
            ? [$"Unknown: {string.Join(", ", unknown)}; one of {string.Join(", ", Codes)}. 选项有误。"]
            : null;
    }

    public static readonly Vocabulary Domains = new("domains",
        ("intelligent-connected-vehicles", "智能网联汽车", "Intelligent connected vehicles"),
        ("biomedicine", "生物医药", "Biomedicine"),
        ("new-materials", "新材料", "New materials"),
        ("artificial-intelligence", "人工智能", "Artificial intelligence"),
        ("energy-storage", "新型储能", "Energy storage"),
        ("integrated-circuits", "集成电路", "Integrated circuits"),
        ("digital-economy", "数字经济", "Digital economy"),
        ("advanced-manufacturing", "高端装备", "Advanced manufacturing"));

    public static readonly Vocabulary ServiceTypes = new("serviceTypes",
        ("policy", "政策申报", "Policy benefits"),
        ("technical", "技术服务", "Technical services"),
        ("consulting", "管理咨询", "Management consulting"),
        ("financing", "投融资", "Investment and financing"),
        ("market-access", "市场准入", "Market access"),
        ("technology-transfer", "成果转化", "Technology transfer"),
        ("intellectual-property", "知识产权", "Intellectual property"),
        ("life", "生活服务", "Life matters (housing, schooling, medical care)"));

    public static readonly Vocabulary Stages = new("stages",
        ("research", "科研攻关", "Research"),
        ("proofOfConcept", "概念验证", "Proof of concept"),
        ("pilot", "中试熟化", "Pilot"),
        ("commercialisation", "成果转化", "Commercialisation"),
        ("industrialisation", "产业化", "Industrialisation"),
        ("matureEnterprise", "成熟企业", "Mature enterprise"));

    public static readonly Vocabulary Languages = new("languages",
        ("zh", "中文", "Chinese"),
        ("en", "英文", "English"),
        ("ja", "日文", "Japanese"),
        ("ko", "韩文", "Korean"),
        ("de", "德文", "German"),
        ("fr", "法文", "French"),
        ("ru", "俄文", "Russian"));

    /// <summary>The three teams of the zone, and the service organisations brought in from the market (导入市场资源).</summary>
    public static readonly string[] Teams = ["commissioner", "butler", "broker", "market"];
}
