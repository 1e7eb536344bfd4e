using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>
/// The proactive-suggestion rules for operators: the list with its revision, and one rule edited (or added) at a time.
/// A save replaces the whole list as it is now with this rule changed, on the condition that nobody changed the list
/// since the form was opened (If-Match with the revision the form carries). When somebody did, the operator is told so
/// and sees the list as it is now; the form keeps their edit and the new revision, so saving again applies it knowingly.
/// </summary>
public partial class SuggestionRules
{
    [Inject] private IStringLocalizer<MatchingStrings> M { get; set; } = default!;
    [Inject] private MatchingApi Matching { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "edit")] private string? EditCode { get; set; }

    [SupplyParameterFromQuery(Name = "new")] private bool? New { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    /// <summary>The rule's fields as a form posts them (or as the rule is, for a form just opened).</summary>
    public sealed record RuleForm(string? Revision, string? Original, string? Code, string Trigger, string? ItemCode, string? Team, IReadOnlyList<string> ServiceTypes,
        string? SuggestItemCode, string? MessageZh, string? MessageEn, bool Enabled);

    private List<SuggestionRuleData>? Rules;
    private string? Revision;
    private RuleForm? Editing;
    private List<MatchingTerm> ServiceTypeTerms = [];

    private static string Shown(string? revision) => revision?.Trim('"', ' ') ?? "0";

    protected override async Task OnInitializedAsync()
    {
        var (found, revision) = await Matching.SuggestionRulesAsync(CancellationToken.None);
        if (!Loaded(found))
        {
            return;
        }

        (Rules, Revision) = (found.Value, revision);
        ServiceTypeTerms = (await Matching.VocabulariesAsync(CancellationToken.None)).Value?.ServiceTypes ?? [];
        Editing = Posted == "rule" ? FromPost() : EditCode is { } code && Rules!.FirstOrDefault(r => r.Code == code) is { } rule
            ? new RuleForm(Revision, rule.Code, rule.Code, rule.Trigger, rule.ItemCode, rule.Team, rule.ServiceTypes, rule.SuggestItemCode, rule.MessageZh, rule.MessageEn, rule.Enabled)
            : New == true ? new RuleForm(Revision, null, null, "approved", null, null, [], null, null, null, true) : null;
    }

    private RuleForm FromPost()
    {
        var form = HttpContext!.Request.Form;
        string? Text(string name) => string.IsNullOrWhiteSpace(form[name]) ? null : form[name].ToString().Trim();
        return new RuleForm(Text("revision"), Text("original"), Text("code"), Text("trigger") ?? "approved", Text("itemCode"), Text("team"),
            [.. form["serviceTypes"].OfType<string>()], Text("suggestItemCode"), Text("messageZh"), Text("messageEn"), form["enabled"] == "true");
    }

    private async Task SaveAsync()
    {
        if (Editing is not { } form || Rules is not { } rules)
        {
            return;
        }

        // This rule in the list as it is now: in the place of the one edited, or added at the end.
        var rule = new SuggestionRuleData(form.Code ?? "", form.Trigger, form.ItemCode ?? "", form.Team, [.. form.ServiceTypes], form.SuggestItemCode,
            form.MessageZh ?? "", form.MessageEn ?? "", form.Enabled);
        var list = rules.ToList();
        var index = form.Original is { } original ? list.FindIndex(r => r.Code == original) : -1;
        if (index >= 0)
        {
            list[index] = rule;
        }
        else
        {
            index = list.Count;
            list.Add(rule);
        }

        var fields = new[] { "code", "trigger", "itemCode", "team", "suggestItemCode", "serviceTypes", "messageZh", "messageEn" }
            .ToDictionary(f => $"rules[{index}].{f}", f => $"rule-{f}");
        var result = Matching.ReplaceSuggestionRulesAsync(list, form.Revision ?? "\"0\"", CancellationToken.None);
        if (!await ActAsync(result, "/console/suggestion-rules?done=saved", fields) && (await result).Status == System.Net.HttpStatusCode.PreconditionFailed)
        {
            Editing = form with { Revision = Revision };
            GeneralError = C["Stale", Shown(Revision)];
        }
    }
}
