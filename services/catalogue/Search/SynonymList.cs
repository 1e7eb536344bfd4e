namespace Talent.Catalogue.Search;

/// <summary>
/// The editable synonym list (同义词表): groups of words that mean the same to a person searching, so that everyday words
/// (爱人, 小孩, 看病) reach the formal ones items are titled with (配偶, 子女, 医疗). Stored as one document with a revision;
/// applied when a query is read, so an edit takes effect without re-indexing.
/// </summary>
public sealed class SynonymList
{
    public const int MaxGroups = 500;
    public const int MaxTermsPerGroup = 20;
    public const int MaxTermLength = 30;

    public int Id { get; private set; } = 1;

    public List<List<string>> Groups { get; private set; } = [];

    public int Revision { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public static SynonymList Defaults(DateTimeOffset now) => new() { Groups = DefaultGroups(), Revision = 1, UpdatedBy = "system", UpdatedAt = now };

    public void Replace(List<List<string>> groups, string by, DateTimeOffset now)
    {
        Groups = groups;
        Revision++;
        UpdatedBy = by;
        UpdatedAt = now;
    }

    /// <summary>Field-named errors: <c>groups[3][1]</c> for an empty or over-long word.</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<IReadOnlyList<string?>?>? groups)
    {
        var errors = new Dictionary<string, string[]>();
        if (groups is null)
        {
            errors["groups"] = ["The list of synonym groups is required (it may be empty). 同义词组必填（可为空列表）。"];
            return errors;
        }

        if (groups.Count > MaxGroups)
        {
            errors["groups"] = [$"At most {MaxGroups} groups. 同义词组不超过 {MaxGroups} 组。"];
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            if (group is null || group.Count is < 2 or > MaxTermsPerGroup)
            {
                errors[$"groups[{g}]"] = [$"A group has 2 to {MaxTermsPerGroup} words. 每组 2 至 {MaxTermsPerGroup} 个词。"];
                continue;
            }

            for (var t = 0; t < group.Count; t++)
            {
                if (string.IsNullOrWhiteSpace(group[t]) || group[t]!.Trim().Length > MaxTermLength)
                {
                    errors[$"groups[{g}][{t}]"] = [$"A word of 1 to {MaxTermLength} characters. 词语须为 1 至 {MaxTermLength} 个字符。"];
                }
            }
        }

        return errors;
    }

    /// <summary>The starting list; operators edit it through <c>PUT /api/catalogue/synonyms</c>.</summary>
    public static List<List<string>> DefaultGroups() =>
    [
        ["住房", "公寓", "住宿", "房子", "安居", "housing", "apartment", "flat", "accommodation"],
        ["租房", "租住", "租赁", "房租", "rent", "rental"],
        ["购房", "买房", "购买住房", "home purchase", "buy a home"],
        ["补贴", "资助", "补助", "奖补", "扶持资金", "subsidy", "grant", "funding", "allowance"],
        ["奖励", "奖金", "reward", "bonus"],
        ["配偶", "爱人", "老婆", "老公", "妻子", "丈夫", "家属", "spouse", "wife", "husband", "partner"],
        ["就业", "工作", "上班", "找工作", "求职", "employment", "job", "work"],
        ["子女", "小孩", "孩子", "儿童", "小朋友", "娃", "child", "children", "kid", "kids"],
        ["入学", "上学", "读书", "就学", "转学", "学位", "school", "schooling", "enrolment", "enrollment"],
        ["医疗", "看病", "就医", "就诊", "医院", "挂号", "medical", "doctor", "hospital", "healthcare"],
        ["贷款", "借钱", "借款", "loan", "borrow"],
        ["融资", "投资", "financing", "investment"],
        ["落户", "户口", "户籍", "入户", "hukou", "residence registration"],
        ["企业开办", "开公司", "开办企业", "注册公司", "办执照", "start a business", "company registration"],
        ["专利", "知识产权", "patent", "intellectual property"],
        ["高新技术企业", "高企", "high-tech enterprise"],
        ["概念验证", "原型验证", "proof of concept", "poc"],
        ["中试", "中试熟化", "小批量试制", "pilot"],
        ["外国人", "外籍", "老外", "foreigner", "foreign", "expat"],
        ["父母", "老人", "养老", "parents", "elderly"],
        ["社保", "社会保险", "五险", "social insurance"],
        ["上市", "ipo", "listing"],
        ["职称", "评职称", "professional title"],
        ["孵化器", "众创空间", "孵化", "incubator"],
        ["人才卡", "服务卡", "talent card"],
    ];
}
