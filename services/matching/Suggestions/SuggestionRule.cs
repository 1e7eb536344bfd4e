using Talent.Matching.Matching;

namespace Talent.Matching.Suggestions;

/// <summary>
/// A rule of proactive suggestions (主动感知), data that operators edit: when an application for <see cref="ItemCode"/> is
/// submitted (<c>submitted</c>) or approved (<c>approved</c>), suggest providers of <see cref="Team"/> offering
/// <see cref="ServiceTypes"/> (the best three by score), or the item <see cref="SuggestItemCode"/>.
/// </summary>
public sealed class SuggestionRule
{
    public static readonly string[] Triggers = ["submitted", "approved"];

    public string Code { get; set; } = "";

    public string Trigger { get; set; } = "approved";

    public string ItemCode { get; set; } = "";

    public string? Team { get; set; }

    public List<string> ServiceTypes { get; set; } = [];

    public string? SuggestItemCode { get; set; }

    public string MessageZh { get; set; } = "";

    public string MessageEn { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public static Dictionary<string, string[]> Validate(IReadOnlyList<SuggestionRule>? rules)
    {
        var errors = new Dictionary<string, string[]>();
        if (rules is null || rules.Count > 200)
        {
            errors["rules"] = ["A list of at most 200 rules. 规则不超过 200 条。"];
            return errors;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Length > 40 || rules.Count(x => x.Code == r.Code) > 1)
            {
                errors[$"rules[{i}].code"] = ["A unique code of 1 to 40 characters. 规则编码必填且唯一。"];
            }

            if (!Triggers.Contains(r.Trigger))
            {
                errors[$"rules[{i}].trigger"] = ["submitted or approved. 触发条件为 submitted 或 approved。"];
            }

            if (string.IsNullOrWhiteSpace(r.ItemCode) || r.ItemCode.Length > 64)
            {
                errors[$"rules[{i}].itemCode"] = ["The item whose applications trigger it. 请填写触发事项。"];
            }

            if ((r.Team is null) == (r.SuggestItemCode is null) || (r.Team is not null && !Vocabulary.Teams.Contains(r.Team)))
            {
                errors[$"rules[{i}].team"] = ["Either a team (commissioner, butler, broker) or an item to suggest. 推荐团队或事项二选一。"];
            }

            if (Vocabulary.ServiceTypes.Check(r.ServiceTypes, false) is { } services)
            {
                errors[$"rules[{i}].serviceTypes"] = services;
            }

            if (string.IsNullOrWhiteSpace(r.MessageZh) || r.MessageZh.Length > 200 || string.IsNullOrWhiteSpace(r.MessageEn) || r.MessageEn.Length > 300)
            {
                errors[$"rules[{i}].messageZh"] = ["A message in Chinese (≤ 200) and English (≤ 300). 请填写中英文推荐语。"];
            }
        }

        return errors;
    }

    public static readonly SuggestionRule[] Defaults =
    [
        new() { Code = "hte-financing", Trigger = "approved", ItemCode = "HIGH-TECH-ENTERPRISE", Team = "broker", ServiceTypes = ["financing"],
            MessageZh = "恭喜通过高新技术企业认定，可对接投融资经纪人。", MessageEn = "Recognised as a high-tech enterprise: financing brokers can help you raise funds." },
        new() { Code = "apartment-butler", Trigger = "submitted", ItemCode = "TALENT-APARTMENT", Team = "butler", ServiceTypes = ["life"],
            MessageZh = "已提交人才公寓申请，人才管家可协助入住、子女入学等事宜。", MessageEn = "Talent apartment applied for: a talent butler can help with moving in, schooling and more." },
        new() { Code = "research-transfer", Trigger = "approved", ItemCode = "RESEARCH-PROJECT", Team = "broker", ServiceTypes = ["technology-transfer"],
            MessageZh = "科技计划项目已立项，可对接成果转化经纪人。", MessageEn = "Research project approved: technology-transfer brokers can help commercialise the results." },
        new() { Code = "spouse-schooling", Trigger = "approved", ItemCode = "SPOUSE-EMPLOYMENT", SuggestItemCode = "CHILD-SCHOOLING",
            MessageZh = "配偶就业已办结，子女入学也可一并办理。", MessageEn = "Spouse employment done: children's schooling can be arranged too." },
    ];
}
