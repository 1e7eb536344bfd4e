using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>
/// The form of a catalogue draft: the item's content and its whole flow card, each field named by its path in the
/// catalogue's API (<c>content.titleZh</c>, <c>flowCard.steps[0].department</c>), so an error the API returns lands
/// beside the field it names. Lists of codes and lines are one entry a line; lists of records (materials, steps,
/// windows, fees, questions, form fields) are rows, of which blank ones are dropped and one blank row is offered for
/// adding. What the person typed is kept as typed until it is saved.
/// </summary>
public sealed partial class DraftForm
{
    public enum Kind
    {
        Text,
        LongText,
        Number,
        Money,
        Check,
        Choice,
        Choices,
        Lines,
    }

    /// <summary>A field by its name in the record (its label is <c>DF.{Name}</c>, a choice's option <c>DF.{Name}.{value}</c>).</summary>
    public sealed record Field(string Name, Kind Kind, string[]? Options = null, bool Wide = false)
    {
        public int MaxLength => Kind is Kind.LongText or Kind.Lines ? 4000 : 200;
    }

    /// <summary>A part of the form: one record's fields (<see cref="Rows"/> false) or a list of records, each a row.</summary>
    public sealed record Section(string Key, string Path, bool Rows, Field[] Fields);

    public const int MaxRows = 50;
    public const int MaxLines = 50;

    public static readonly Section[] Sections =
    [
        new("basics", "content", false,
        [
            new("titleZh", Kind.Text), new("titleEn", Kind.Text), new("summaryZh", Kind.LongText), new("summaryEn", Kind.LongText),
            new("category", Kind.Choice, ["production", "life"]),
            new("stages", Kind.Choices, ["research", "proofOfConcept", "pilot", "commercialisation", "industrialisation", "matureEnterprise"]),
            new("leadDepartment", Kind.Text), new("audience", Kind.Lines), new("serviceItems", Kind.Lines), new("keywords", Kind.Lines),
        ]),
        new("terms", "flowCard", false,
        [
            new("eligibility", Kind.Lines), new("statutoryLimitDays", Kind.Number), new("committedLimitDays", Kind.Number),
            new("inPersonVisits", Kind.Choice, ["0", "1"]), new("legalBasis", Kind.Lines), new("enquiryPhone", Kind.Text), new("complaintPhone", Kind.Text),
        ]),
        new("channels", "flowCard.channels", false, [new("online", Kind.Check), new("mobile", Kind.Check)]),
        new("windows", "flowCard.channels.windows", true, [new("addressZh", Kind.Text), new("addressEn", Kind.Text), new("hours", Kind.Text)]),
        new("materials", "flowCard.materials", true,
        [
            new("code", Kind.Text), new("nameZh", Kind.Text), new("nameEn", Kind.Text), new("description", Kind.LongText, Wide: true),
            new("form", Kind.Choice, ["original", "copy", "electronic"]), new("copies", Kind.Number), new("required", Kind.Check),
            new("source", Kind.Choice, ["applicant", "departmentData"]), new("sourceDepartment", Kind.Text),
        ]),
        new("steps", "flowCard.steps", true,
        [
            new("order", Kind.Number), new("nameZh", Kind.Text), new("nameEn", Kind.Text), new("department", Kind.Text),
            new("limitDays", Kind.Number), new("countsTowardLimit", Kind.Check),
        ]),
        new("fees", "flowCard.fees", true, [new("nameZh", Kind.Text), new("amountYuan", Kind.Money), new("basis", Kind.Text)]),
        new("faq", "flowCard.faq", true,
            [new("questionZh", Kind.Text), new("answerZh", Kind.LongText, Wide: true), new("questionEn", Kind.Text), new("answerEn", Kind.LongText, Wide: true)]),
        new("form", "flowCard.form", true,
        [
            new("code", Kind.Text), new("labelZh", Kind.Text), new("labelEn", Kind.Text),
            new("type", Kind.Choice, ["text", "longText", "number", "date", "singleChoice", "multipleChoice"]), new("required", Kind.Check),
            new("order", Kind.Number), new("options", Kind.Lines, Wide: true),
        ]),
    ];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);

    /// <summary>The rows shown of a list: all it has (more than the limit are said to be too many), and one blank for adding while under it.</summary>
    public int RowsShown(Section section) => RowCount(section) + (RowCount(section) < MaxRows ? 1 : 0);

    /// <summary>The most rows a posted list is read with: beyond the limit, so too many are said (not silently dropped).</summary>
    private const int MaxRowsRead = 500;

    public int RowCount(Section section) => _rows.GetValueOrDefault(section.Path);

    public string Value(string path) => _values.GetValueOrDefault(path, "");

    public bool Checked(string path) => Value(path) == "true";

    public bool Has(string path, string option) => Value(path).Split('\n').Contains(option, StringComparer.Ordinal);

    public static string PathOf(Section section, Field field, int? row) =>
        row is { } i ? $"{section.Path}[{i.ToString(CultureInfo.InvariantCulture)}].{field.Name}" : $"{section.Path}.{field.Name}";

    /// <summary>The element id of a path: <c>f-</c> and the path with its punctuation as hyphens.</summary>
    public static string IdOf(string path) => "f-" + Punctuation().Replace(path, "-").TrimEnd('-');

    /// <summary>The draft as it is saved.</summary>
    public static DraftForm Of(DraftVersion draft)
    {
        var form = new DraftForm();
        var (content, card) = (draft.Content, draft.FlowCard);
        form.Set("content", new()
        {
            ["titleZh"] = content.TitleZh, ["titleEn"] = content.TitleEn, ["summaryZh"] = content.SummaryZh, ["summaryEn"] = content.SummaryEn,
            ["category"] = content.Category, ["stages"] = Lines(content.Stages), ["leadDepartment"] = content.LeadDepartment,
            ["audience"] = Lines(content.Audience), ["serviceItems"] = Lines(content.ServiceItems), ["keywords"] = Lines(content.Keywords),
        });
        form.Set("flowCard", new()
        {
            ["eligibility"] = Lines(card.Eligibility), ["statutoryLimitDays"] = Number(card.StatutoryLimitDays), ["committedLimitDays"] = Number(card.CommittedLimitDays),
            ["inPersonVisits"] = Number(card.InPersonVisits), ["legalBasis"] = Lines(card.LegalBasis), ["enquiryPhone"] = card.EnquiryPhone, ["complaintPhone"] = card.ComplaintPhone,
        });
        form.Set("flowCard.channels", new() { ["online"] = Check(card.Channels.Online), ["mobile"] = Check(card.Channels.Mobile) });
        form.SetRows("flowCard.channels.windows", card.Channels.Windows, w => new() { ["addressZh"] = w.AddressZh, ["addressEn"] = w.AddressEn, ["hours"] = w.Hours });
        form.SetRows("flowCard.materials", card.Materials, m => new()
        {
            ["code"] = m.Code, ["nameZh"] = m.NameZh, ["nameEn"] = m.NameEn, ["description"] = m.Description, ["form"] = m.Form, ["copies"] = Number(m.Copies),
            ["required"] = Check(m.Required), ["source"] = m.Source, ["sourceDepartment"] = m.SourceDepartment,
        });
        form.SetRows("flowCard.steps", card.Steps, s => new()
        {
            ["order"] = Number(s.Order), ["nameZh"] = s.NameZh, ["nameEn"] = s.NameEn, ["department"] = s.Department, ["limitDays"] = Number(s.LimitDays),
            ["countsTowardLimit"] = Check(s.CountsTowardLimit),
        });
        form.SetRows("flowCard.fees", card.Fees, f => new() { ["nameZh"] = f.NameZh, ["amountYuan"] = f.AmountYuan.ToString(CultureInfo.InvariantCulture), ["basis"] = f.Basis });
        form.SetRows("flowCard.faq", card.Faq, f => new() { ["questionZh"] = f.QuestionZh, ["answerZh"] = f.AnswerZh, ["questionEn"] = f.QuestionEn, ["answerEn"] = f.AnswerEn });
        form.SetRows("flowCard.form", card.Form, f => new()
        {
            ["code"] = f.Code, ["labelZh"] = f.LabelZh, ["labelEn"] = f.LabelEn, ["type"] = f.Type, ["required"] = Check(f.Required), ["order"] = Number(f.Order),
            ["options"] = string.Join('\n', f.Options.Select(o => string.Join('|', new[] { o.Value, o.LabelZh, o.LabelEn }.Where(p => !string.IsNullOrEmpty(p))))),
        });
        return form;
    }

    /// <summary>
    /// The form as posted: each list's rows (as many as its <c>{path}.rows</c> said, up to <see cref="MaxRowsRead"/>),
    /// blank rows dropped and the rest numbered again, so the API's errors name the rows as they are shown next.
    /// </summary>
    public static DraftForm Of(IFormCollection posted)
    {
        var form = new DraftForm();
        foreach (var section in Sections)
        {
            if (!section.Rows)
            {
                foreach (var field in section.Fields)
                {
                    form._values[PathOf(section, field, null)] = Posted(posted, PathOf(section, field, null), field);
                }

                continue;
            }

            var count = int.TryParse(posted[$"{section.Path}.rows"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, MaxRowsRead) : 0;
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                var row = section.Fields.ToDictionary(f => f.Name, f => Posted(posted, PathOf(section, f, i), f));
                if (section.Fields.Where(f => f.Kind is not (Kind.Check or Kind.Choice)).All(f => row[f.Name].Length == 0))
                {
                    continue;
                }

                foreach (var field in section.Fields)
                {
                    form._values[PathOf(section, field, kept)] = row[field.Name];
                }

                kept++;
            }

            form._rows[section.Path] = kept;
        }

        return form;
    }

    /// <summary>
    /// The content and flow card the form says, or null with an error beside each field that is not what it must be (a
    /// number that is not one, a choice not offered, text too long, too many rows or lines). The API checks the rest.
    /// </summary>
    public (ItemContent Content, FlowCard FlowCard)? Build(Dictionary<string, string> errors, IStringLocalizer text)
    {
        var check = new Checker(this, errors, text);
        foreach (var section in Sections)
        {
            if (section.Rows && RowCount(section) > MaxRows)
            {
                errors[IdOf(section.Path)] = text["TooManyRows", MaxRows];
            }
        }

        var content = new ItemContent(
            check.Text("content.titleZh"), check.Optional("content.titleEn"), check.Text("content.summaryZh"), check.Optional("content.summaryEn"),
            check.Choice("content.category"), check.Choices("content.stages"), check.Lines("content.audience"), check.Text("content.leadDepartment"),
            check.Lines("content.keywords"), check.Lines("content.serviceItems"));
        var card = new FlowCard(
            check.Lines("flowCard.eligibility"),
            Rows("flowCard.materials", at => new RequiredMaterial(
                check.Text($"{at}.code"), check.Text($"{at}.nameZh"), check.Optional($"{at}.nameEn"), check.Optional($"{at}.description"),
                check.Choice($"{at}.form"), check.Number($"{at}.copies", 1), check.Checked($"{at}.required"), check.Choice($"{at}.source"),
                check.Optional($"{at}.sourceDepartment"))),
            Rows("flowCard.steps", at => new ProcedureStep(
                check.Number($"{at}.order", Index(at) + 1), check.Text($"{at}.nameZh"), check.Optional($"{at}.nameEn"), check.Text($"{at}.department"),
                check.Number($"{at}.limitDays", 0), check.Checked($"{at}.countsTowardLimit"))),
            check.Number("flowCard.statutoryLimitDays", 0),
            check.Number("flowCard.committedLimitDays", 0),
            new Channels(check.Checked("flowCard.channels.online"), check.Checked("flowCard.channels.mobile"),
                Rows("flowCard.channels.windows", at => new ServiceWindow(check.Text($"{at}.addressZh"), check.Optional($"{at}.addressEn"), check.Text($"{at}.hours")))),
            check.Number("flowCard.inPersonVisits", 0),
            Rows("flowCard.fees", at => new Fee(check.Text($"{at}.nameZh"), check.Money($"{at}.amountYuan"), check.Optional($"{at}.basis"))),
            check.Lines("flowCard.legalBasis"),
            Rows("flowCard.faq", at => new Faq(check.Text($"{at}.questionZh"), check.Text($"{at}.answerZh"), check.Optional($"{at}.questionEn"), check.Optional($"{at}.answerEn"))),
            check.Optional("flowCard.enquiryPhone"),
            check.Optional("flowCard.complaintPhone"),
            Rows("flowCard.form", at => new FormField(
                check.Text($"{at}.code"), check.Text($"{at}.labelZh"), check.Optional($"{at}.labelEn"), check.Choice($"{at}.type"), check.Checked($"{at}.required"),
                check.Number($"{at}.order", Index(at) + 1), check.Options($"{at}.options"))));
        return errors.Count == 0 ? (content, card) : null;
    }

    /// <summary>
    /// The element an error of the API belongs beside: the field its path names; for an entry of a list of lines
    /// (<c>flowCard.legalBasis[2]</c>) the list's field; otherwise the nearest part of the form that contains it
    /// (<c>flowCard.steps</c> for the steps' total). Null when the form has no such part.
    /// </summary>
    public string? IdForError(string path)
    {
        path = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        for (var at = path; at.Length > 0; at = Parent(at))
        {
            if (Known(at))
            {
                return IdOf(at);
            }
        }

        return null;
    }

    private bool Known(string path) =>
        _values.ContainsKey(path) || Sections.Any(s => s.Path == path) || Sections.Any(s => !s.Rows && s.Fields.Any(f => PathOf(s, f, null) == path));

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private List<T> Rows<T>(string path, Func<string, T> row) =>
        [.. Enumerable.Range(0, Math.Min(_rows.GetValueOrDefault(path), MaxRows)).Select(i => row($"{path}[{i.ToString(CultureInfo.InvariantCulture)}]"))];

    private static int Index(string rowPath) => int.Parse(rowPath[(rowPath.LastIndexOf('[') + 1)..^1], CultureInfo.InvariantCulture);

    private void Set(string path, Dictionary<string, string?> values)
    {
        foreach (var (name, value) in values)
        {
            _values[$"{path}.{name}"] = value ?? "";
        }
    }

    private void SetRows<T>(string path, IReadOnlyList<T> rows, Func<T, Dictionary<string, string?>> values)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            Set($"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", values(rows[i]));
        }

        _rows[path] = rows.Count;
    }

    private static string Posted(IFormCollection posted, string path, Field field) => field.Kind switch
    {
        Kind.Check => posted[path].ToString() == "true" ? "true" : "",
        Kind.Choices => string.Join('\n', posted[path].Where(v => !string.IsNullOrEmpty(v))),
        Kind.Lines or Kind.LongText => posted[path].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
        _ => posted[path].ToString().Trim(),
    };

    private static string Lines(IEnumerable<string>? lines) => lines is null ? "" : string.Join('\n', lines);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Check(bool value) => value ? "true" : "";

    [GeneratedRegex(@"[.\[\]]+")]
    private static partial Regex Punctuation();
}
