using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>
/// The proactive-suggestion rules for operators: the list with its revision, and one rule edited (or added) at a time.
/// A save replaces the whole list as it is now with this rule changed, on the condition that nobody changed the list
/// since the form was opened (If-Match with the revision the form carries). When somebody did, the operator is told so;
/// the form keeps the fields they changed and takes the others from the rule as it is now, with the new revision, so
/// saving again applies their change without undoing the other person's.
/// </summary>
public partial class SuggestionRules
{
    [Inject] private IStringLocalizer<MatchingStrings> M { get; set; } = default!;
    [Inject] private MatchingApi Matching { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "edit")] private string? EditCode { get; set; }

    [SupplyParameterFromQuery(Name = "new")] private bool? New { get; set; }

    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }

    /// <summary>The form: the revision and rule it opened at (carried in hidden fields), and the values it shows or posted.</summary>
    public sealed record RuleForm(string? Revision, string? Original, SuggestionRuleData? Opened, SuggestionRuleData Values);

    private static readonly SuggestionRuleData Blank = new("", "approved", "", null, [], null, "", "", true);

    private List<SuggestionRuleData>? Rules;
    private string? Revision;
    private RuleForm? Editing;
    private List<MatchingTerm> ServiceTypeTerms = [];

    private static string Shown(string? revision) => revision?.Trim('"', ' ') ?? "0";

    private static string? OpenedJson(RuleForm form) => form.Opened is null ? null : JsonSerializer.Serialize(form.Opened, Json.Options);

    protected override async Task OnInitializedAsync()
    {
        var (found, revision) = await Matching.SuggestionRulesAsync(CancellationToken.None);
        if (!Loaded(found))
        {
            return;
        }

        (Rules, Revision) = (found.Value, revision);
        ServiceTypeTerms = (await Matching.VocabulariesAsync(CancellationToken.None)).Value?.ServiceTypes ?? [];
        Editing = Posted == "rule" ? FromPost()
            : EditCode is { } code && Rules!.FirstOrDefault(r => r.Code == code) is { } rule ? new RuleForm(Revision, rule.Code, rule, rule)
            : New == true ? new RuleForm(Revision, null, null, Blank) : null;
    }

    private RuleForm FromPost()
    {
        var form = HttpContext!.Request.Form;
        string? Text(string name) => string.IsNullOrWhiteSpace(form[name]) ? null : form[name].ToString().Trim();
        SuggestionRuleData? opened = null;
        try
        {
            opened = Text("opened") is { } json ? JsonSerializer.Deserialize<SuggestionRuleData>(json, Json.Options) : null;
        }
        catch (JsonException)
        {
            // A tampered field: treat every field as changed.
        }

        var values = new SuggestionRuleData(Text("code") ?? "", Text("trigger") ?? "approved", Text("itemCode") ?? "", Text("team"), [.. form["serviceTypes"].OfType<string>()],
            Text("suggestItemCode"), Text("messageZh") ?? "", Text("messageEn") ?? "", form["enabled"] == "true");
        return new RuleForm(Text("revision"), Text("original"), opened, values);
    }

    private async Task SaveAsync()
    {
        if (Editing is not { } form || Rules is not { } rules)
        {
            return;
        }

        // This rule in the list as it is now: in the place of the one edited, or added at the end.
        var list = rules.ToList();
        var index = form.Original is { } original ? list.FindIndex(r => r.Code == original) : -1;
        if (index >= 0)
        {
            list[index] = form.Values;
        }
        else
        {
            index = list.Count;
            list.Add(form.Values);
        }

        var fields = new[] { "code", "trigger", "itemCode", "team", "suggestItemCode", "serviceTypes", "messageZh", "messageEn" }
            .ToDictionary(f => $"rules[{index}].{f}", f => $"rule-{f}");
        var result = Matching.ReplaceSuggestionRulesAsync(list, form.Revision ?? "\"0\"", CancellationToken.None);
        if (!await ActAsync(result, "/console/suggestion-rules?done=saved", fields) && (await result).Status == HttpStatusCode.PreconditionFailed)
        {
            var now = form.Original is { } code ? rules.FirstOrDefault(r => r.Code == code) : null;
            Editing = new RuleForm(Revision, form.Original, now, Merged(form.Opened, form.Values, now));
            GeneralError = C["Stale", Shown(Revision)];
        }
    }

    /// <summary>The operator's changes (what differs from the rule as the form opened) on top of the rule as it is now.</summary>
    private static SuggestionRuleData Merged(SuggestionRuleData? opened, SuggestionRuleData mine, SuggestionRuleData? now)
    {
        if (opened is null || now is null)
        {
            return mine;
        }

        T Pick<T>(Func<SuggestionRuleData, T> field, Func<T, T, bool>? same = null) =>
            (same ?? EqualityComparer<T>.Default.Equals)(field(mine), field(opened)) ? field(now) : field(mine);
        return new SuggestionRuleData(
            Pick(r => r.Code), Pick(r => r.Trigger), Pick(r => r.ItemCode), Pick(r => r.Team),
            Pick(r => r.ServiceTypes, (a, b) => a.Order().SequenceEqual(b.Order())), Pick(r => r.SuggestItemCode),
            Pick(r => r.MessageZh), Pick(r => r.MessageEn), Pick(r => r.Enabled));
    }
}
