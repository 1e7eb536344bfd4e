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

    public const int CodeMaxLength = 40;
    public const int ItemCodeMaxLength = 64;
    public const int MessageZhMaxLength = 200;
    public const int MessageEnMaxLength = 300;

    /// <summary>Field-named errors (<c>rules[i].field</c>); every text within its column.</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<SuggestionRule?>? rules)
    {
        var errors = new Dictionary<string, string[]>();
        if (rules is null || rules.Count > 200)
        {
            errors["rules"] = ["A list of at most 200 rules. 规则不超过 200 条。"];
            return errors;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } r)
            {
                errors[$"rules[{i}]"] = ["A rule, not null. 规则不能为空。"];
                continue;
            }

            if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Length > CodeMaxLength || rules.Count(x => x?.Code == r.Code) > 1)
            {
                errors[$"rules[{i}].code"] = [$"A unique code of 1 to {CodeMaxLength} characters. 规则编码必填且唯一，不超过 {CodeMaxLength} 字。"];
            }

            if (r.Trigger is null || !Triggers.Contains(r.Trigger))
            {
                errors[$"rules[{i}].trigger"] = ["submitted or approved. 触发条件为 submitted 或 approved。"];
            }

            if (string.IsNullOrWhiteSpace(r.ItemCode) || r.ItemCode.Length > ItemCodeMaxLength)
            {
                errors[$"rules[{i}].itemCode"] = [$"The item whose applications trigger it, at most {ItemCodeMaxLength} characters. 请填写触发事项。"];
            }

            if ((r.Team is null) == (r.SuggestItemCode is null) || (r.Team is not null && !Vocabulary.Teams.Contains(r.Team)))
            {
                errors[$"rules[{i}].team"] = ["Either a team (commissioner, butler, broker) or an item to suggest. 推荐团队或事项二选一。"];
            }

            if (r.SuggestItemCode is { } suggested && (string.IsNullOrWhiteSpace(suggested) || suggested.Length > ItemCodeMaxLength))
            {
                errors[$"rules[{i}].suggestItemCode"] = [$"An item code of 1 to {ItemCodeMaxLength} characters. 推荐事项编码有误。"];
            }

            if (Vocabulary.ServiceTypes.Check(r.ServiceTypes, false) is { } services)
            {
                errors[$"rules[{i}].serviceTypes"] = services;
            }

            if (string.IsNullOrWhiteSpace(r.MessageZh) || r.MessageZh.Length > MessageZhMaxLength)
            {
                errors[$"rules[{i}].messageZh"] = [$"A message in Chinese of 1 to {MessageZhMaxLength} characters. 请填写中文推荐语，不超过 {MessageZhMaxLength} 字。"];
            }

            if (string.IsNullOrWhiteSpace(r.MessageEn) || r.MessageEn.Length > MessageEnMaxLength)
            {
                errors[$"rules[{i}].messageEn"] = [$"A message in English of 1 to {MessageEnMaxLength} characters. 请填写英文推荐语，不超过 {MessageEnMaxLength} 字。"];
            }
        }

        return errors;
    }

    /// <summary>A copy to store (validated before): an absent list of service types is an empty one, each type once.</summary>
    public SuggestionRule Normalised() => new()
    {
        Code = Code,
        Trigger = Trigger,
        ItemCode = ItemCode,
        Team = Team,
        ServiceTypes = [.. (ServiceTypes ?? []).Distinct()],
        SuggestItemCode = SuggestItemCode,
        MessageZh = MessageZh,
        MessageEn = MessageEn,
        Enabled = Enabled,
    };

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
