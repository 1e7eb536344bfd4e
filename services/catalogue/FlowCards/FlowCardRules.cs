namespace Talent.Catalogue.FlowCards;

/// <summary>What the validation needs to know about reference data (departments, policies), without I/O.</summary>
public interface IReferenceCodes
{
    bool IsDepartment(string code);

    bool IsPolicy(string code);

    bool IsServiceItem(string code);
}

/// <summary>
/// The flow card's rules, each error under the path of the field it concerns (e.g. <c>flowCard.steps[2].department</c>),
/// with a bilingual message. Pure: the reference codes are handed in.
/// </summary>
public static class FlowCardRules
{
    public const int MaxLimitDays = 365;

    public static Dictionary<string, string[]> Validate(FlowCard card, IReferenceCodes references, string prefix = "flowCard")
    {
        var errors = new Errors(prefix);

        if (card.StatutoryLimitDays is < 1 or > MaxLimitDays)
        {
            errors.Add("statutoryLimitDays", $"The statutory limit is 1 to {MaxLimitDays} working days. 法定时限须为 1 至 {MaxLimitDays} 个工作日。");
        }

        if (card.CommittedLimitDays < 1)
        {
            errors.Add("committedLimitDays", "The committed limit is at least 1 working day. 承诺时限至少 1 个工作日。");
        }
        else if (card.CommittedLimitDays > card.StatutoryLimitDays)
        {
            errors.Add("committedLimitDays", $"The committed limit ({card.CommittedLimitDays}) may not exceed the statutory limit ({card.StatutoryLimitDays}). 承诺时限不得超过法定时限。");
        }

        if (card.InPersonVisits is < 0 or > 1)
        {
            errors.Add("inPersonVisits", "In-person visits are 0 or 1 (the goal is 0, at most 1). 跑动次数须为 0 或 1。");
        }

        ValidateMaterials(card, references, errors);
        ValidateSteps(card, references, errors);
        ValidateForm(card, errors);

        for (var i = 0; i < card.LegalBasis.Count; i++)
        {
            if (!references.IsPolicy(card.LegalBasis[i]))
            {
                errors.Add($"legalBasis[{i}]", $"Unknown policy code '{card.LegalBasis[i]}'. 未知的政策编码。");
            }
        }

        if (!card.Channels.Online && !card.Channels.Mobile && card.Channels.Windows.Count == 0)
        {
            errors.Add("channels", "At least one channel: online, mobile or a service window. 至少提供一种办理渠道。");
        }

        for (var i = 0; i < card.Fees.Count; i++)
        {
            if (card.Fees[i].AmountYuan < 0)
            {
                errors.Add($"fees[{i}].amountYuan", "A fee is not negative. 收费金额不能为负。");
            }
        }

        return errors.Result;
    }

    private static void ValidateMaterials(FlowCard card, IReferenceCodes references, Errors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < card.Materials.Count; i++)
        {
            var material = card.Materials[i];
            var at = $"materials[{i}]";
            if (string.IsNullOrWhiteSpace(material.Code) || !seen.Add(material.Code))
            {
                errors.Add($"{at}.code", $"Each material has its own code; '{material.Code}' is missing or repeated. 材料编码缺失或重复。");
            }

            if (string.IsNullOrWhiteSpace(material.NameZh))
            {
                errors.Add($"{at}.nameZh", "The material's Chinese name is required. 材料中文名称必填。");
            }

            if (material.Copies is < 0 or > 20)
            {
                errors.Add($"{at}.copies", "Copies are 0 to 20. 份数须为 0 至 20。");
            }

            if (material.Source == MaterialSource.DepartmentData && (material.SourceDepartment is null || !references.IsDepartment(material.SourceDepartment)))
            {
                errors.Add($"{at}.sourceDepartment", "Material obtainable from a department's data names that department. 免提交材料须注明数据来源部门。");
            }
        }
    }

    private static void ValidateSteps(FlowCard card, IReferenceCodes references, Errors errors)
    {
        if (card.Steps.Count == 0)
        {
            errors.Add("steps", "At least one step. 至少一个办理环节。");
            return;
        }

        var orders = new HashSet<int>();
        for (var i = 0; i < card.Steps.Count; i++)
        {
            var step = card.Steps[i];
            var at = $"steps[{i}]";
            if (!orders.Add(step.Order))
            {
                errors.Add($"{at}.order", $"Step order {step.Order} is repeated. 环节顺序重复。");
            }

            if (string.IsNullOrWhiteSpace(step.NameZh))
            {
                errors.Add($"{at}.nameZh", "The step's Chinese name is required. 环节中文名称必填。");
            }

            if (!references.IsDepartment(step.Department))
            {
                errors.Add($"{at}.department", $"Unknown department code '{step.Department}'. 未知的部门代码。");
            }

            if (step.LimitDays is < 0 or > MaxLimitDays)
            {
                errors.Add($"{at}.limitDays", $"A step takes 0 to {MaxLimitDays} working days. 环节时限须为 0 至 {MaxLimitDays} 个工作日。");
            }
        }

        var counted = card.Steps.Where(s => s.CountsTowardLimit).Sum(s => s.LimitDays);
        if (card.CommittedLimitDays > 0 && counted > card.CommittedLimitDays)
        {
            errors.Add("steps", $"The counted steps take {counted} working days, more than the committed limit of {card.CommittedLimitDays}. 计入时限的环节合计超过承诺时限。");
        }
    }

    private static void ValidateForm(FlowCard card, Errors errors)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < card.Form.Count; i++)
        {
            var field = card.Form[i];
            var at = $"form[{i}]";
            if (string.IsNullOrWhiteSpace(field.Code) || !codes.Add(field.Code))
            {
                errors.Add($"{at}.code", $"Each form field has its own code; '{field.Code}' is missing or repeated. 表单字段编码缺失或重复。");
            }

            if (string.IsNullOrWhiteSpace(field.LabelZh))
            {
                errors.Add($"{at}.labelZh", "The field's Chinese label is required. 字段中文标签必填。");
            }

            if (field.Options.Count > 0 && !field.IsChoice)
            {
                errors.Add($"{at}.options", "Options belong to single or multiple choice fields only. 只有单选或多选字段可设选项。");
            }
            else if (field.IsChoice && field.Options.Count < 2)
            {
                errors.Add($"{at}.options", "A choice field offers at least two options. 选择字段至少两个选项。");
            }
            else if (field.Options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != field.Options.Count)
            {
                errors.Add($"{at}.options", "Option values are unique. 选项值不得重复。");
            }
        }
    }

    private sealed class Errors(string prefix)
    {
        public Dictionary<string, string[]> Result { get; } = [];

        public void Add(string path, string message)
        {
            var key = $"{prefix}.{path}";
            Result[key] = Result.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
        }
    }
}
