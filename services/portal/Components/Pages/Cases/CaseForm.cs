using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;

namespace Talent.Portal.Components.Pages.Cases;

/// <summary>
/// A posted application form, as the apply page and the supplement form share it: the answers (kept as typed, shown
/// again on error), the files and wallet choices, and every error in the person's language keyed by the id of the
/// element it belongs beside. Saves and attaches through the applications API; the API's <c>form.{code}</c>,
/// <c>file</c>, <c>walletFileId</c> and <c>materials.{code}</c> errors land beside their fields.
/// </summary>
public sealed class CaseForm(ApplicationsApi api, IStringLocalizer<CasesStrings> text)
{
    /// <summary>The applications service's limit (<c>Applications:MaxUploadBytes</c>), checked here before sending.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public const int MaxFileName = 255;
    public const int TextMax = 500;
    public const int LongTextMax = 5000;

    public Dictionary<string, string[]> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The wallet file chosen per material code ("" for none), as posted.</summary>
    public Dictionary<string, string> WalletChoices { get; } = new(StringComparer.Ordinal);

    /// <summary>Errors by the id of the element they belong to (<see cref="FieldId"/>, <see cref="FileId"/>).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Errors that belong to no field (the case changed meanwhile, the service is down).</summary>
    public List<string> General { get; } = [];

    public CaseView? Case { get; private set; }

    public bool SignInRequired { get; private set; }

    public bool HasErrors => Errors.Count > 0 || General.Count > 0;

    public static string FieldId(string code) => $"answer-{code}";

    public static string FileId(string code) => $"file-{code}";

    public static bool IsChoice(FormField field) => field.Type is "singleChoice" or "multipleChoice";

    /// <summary>Where the error summary links: the input itself, or a group's first option.</summary>
    public static string LinkId(FormField field) => IsChoice(field) ? $"{FieldId(field.Code)}-0" : FieldId(field.Code);

    public string? ErrorFor(string id) => Errors.GetValueOrDefault(id);

    public string[] ValuesOf(string code) => Values.GetValueOrDefault(code) ?? [];

    /// <summary>The answers saved in the case, as the inputs show them.</summary>
    public void Load(CaseView view)
    {
        Case = view;
        foreach (var (code, value) in view.Answers)
        {
            Values[code] = value.ValueKind switch
            {
                JsonValueKind.String => [value.GetString() ?? ""],
                JsonValueKind.Array => [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText())],
                JsonValueKind.Null or JsonValueKind.Undefined => [],
                _ => [value.GetRawText()],
            };
        }

        foreach (var material in view.Materials.Where(m => m.Kind == "wallet" && m.FileId is not null))
        {
            WalletChoices[material.Code] = material.FileId!.Value.ToString();
        }
    }

    /// <summary>The error summary's lines in the order of the page: the form's fields, the materials, anything else, then errors of no field.</summary>
    public IReadOnlyList<(string? Target, string Message)> Summary(IEnumerable<FormField> fields, IEnumerable<RequiredMaterial> materials)
    {
        var items = new List<(string? Target, string Message)>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        void Add(string id, string link)
        {
            if (Errors.TryGetValue(id, out var message) && placed.Add(id))
            {
                items.Add((link, message));
            }
        }

        foreach (var field in fields.OrderBy(f => f.Order))
        {
            Add(FieldId(field.Code), LinkId(field));
        }

        foreach (var material in materials)
        {
            Add(FileId(material.Code), FileId(material.Code));
        }

        foreach (var id in Errors.Keys.ToList())
        {
            Add(id, id);
        }

        items.AddRange(General.Select(g => ((string?)null, g)));
        return items;
    }

    /// <summary>What was posted: answers (<c>answers.{code}</c>) and wallet choices (<c>wallet.{code}</c>).</summary>
    public void Read(IFormCollection form, IEnumerable<FormField> fields, IEnumerable<RequiredMaterial> materials)
    {
        foreach (var field in fields)
        {
            Values[field.Code] = [.. form[$"answers.{field.Code}"].Select(v => v ?? "")];
        }

        foreach (var material in materials)
        {
            WalletChoices[material.Code] = form[$"wallet.{material.Code}"].ToString();
        }
    }

    /// <summary>Saves the answers as the form's types want them; a value that is not one stays on the page with its error.</summary>
    public async Task SaveAnswersAsync(Guid id, IReadOnlyList<FormField> fields, CancellationToken ct)
    {
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var values = ValuesOf(field.Code).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
            if (values.Length == 0)
            {
                continue;
            }

            if (AnswerValues.Convert(field, values) is { } answer)
            {
                answers[field.Code] = answer;
            }
            else
            {
                Errors[FieldId(field.Code)] = FieldMessage(field, present: true);
            }
        }

        var saved = await api.SaveAnswersAsync(id, answers, ct);
        Take(saved, key => key.StartsWith("form.", StringComparison.Ordinal) && fields.FirstOrDefault(f => f.Code == key[5..]) is { } field
            ? (FieldId(field.Code), FieldMessage(field, ValuesOf(field.Code).Any(v => v.Trim().Length > 0)))
            : null);
    }

    /// <summary>Attaches each chosen file (checked here for size and name first) or wallet file, per material.</summary>
    public async Task AttachAsync(Guid id, IFormCollection form, IEnumerable<RequiredMaterial> materials, CancellationToken ct)
    {
        foreach (var material in materials)
        {
            var slot = FileId(material.Code);
            (string, string)? Beside(string key) => key is "file" or "walletFileId" or "materialCode" ? (slot, FileMessage(key)) : null;
            var file = form.Files.GetFile($"file.{material.Code}");
            if (file is not null && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName)))
            {
                var name = Path.GetFileName(file.FileName);
                var local = file.Length == 0 ? text["FileEmpty"] : file.Length > MaxUploadBytes ? text["FileTooLarge"] : name.Length > MaxFileName ? text["FileNameTooLong", MaxFileName] : null;
                if (local is not null)
                {
                    Errors[slot] = local;
                    continue;
                }

                await using var stream = file.OpenReadStream();
                var attached = await api.AttachFileAsync(id, material.Code, stream, name, file.ContentType, ct);
                Take(attached, key => key == "file" ? (slot, attached.Status switch
                {
                    HttpStatusCode.RequestEntityTooLarge => text["FileTooLarge"],
                    HttpStatusCode.UnsupportedMediaType => text["FileType"],
                    _ => text["FileEmpty"],
                }) : Beside(key));
            }
            else if (Guid.TryParse(WalletChoices.GetValueOrDefault(material.Code), out var walletFileId) && walletFileId != Guid.Empty)
            {
                // Chosen again on a later post: already reused, nothing to send.
                if (Case?.MaterialFor(material.Code) is { Kind: "wallet" } current && current.FileId == walletFileId)
                {
                    continue;
                }

                Take(await api.AttachFromWalletAsync(id, material.Code, walletFileId, ct), Beside);
            }
        }
    }

    /// <summary>Before submitting: every required answer and material there (the API checks again; this shows them all at once).</summary>
    public void CheckComplete(IEnumerable<FormField> fields, IEnumerable<RequiredMaterial> materials)
    {
        foreach (var field in fields.Where(f => f.Required && !ValuesOf(f.Code).Any(v => v.Trim().Length > 0)))
        {
            Errors.TryAdd(FieldId(field.Code), text["FieldRequired", CaseText.Label(field)]);
        }

        foreach (var material in materials.Where(m => m.Required && Case?.MaterialFor(m.Code) is null))
        {
            Errors.TryAdd(FileId(material.Code), text["MaterialMissing"]);
        }
    }

    public enum Outcome { Submitted, Invalid, NotEditable, KeyUsed, Failed }

    /// <summary>Submits with the form's Idempotency-Key: missing answers and materials land beside their fields.</summary>
    public async Task<Outcome> SubmitAsync(Guid id, string key, IReadOnlyList<FormField> fields, CancellationToken ct)
    {
        var submitted = await api.SubmitAsync(id, key, ct);
        if (submitted.Ok)
        {
            Case = submitted.Value;
            return Outcome.Submitted;
        }

        if (submitted.Status == HttpStatusCode.Conflict)
        {
            return Outcome.NotEditable;
        }

        if (submitted.Status == HttpStatusCode.UnprocessableEntity)
        {
            General.Add(text["SubmitAgain"]);
            return Outcome.KeyUsed;
        }

        Take(submitted, k => k.StartsWith("form.", StringComparison.Ordinal) && fields.FirstOrDefault(f => f.Code == k[5..]) is { } field
                ? (FieldId(field.Code), FieldMessage(field, ValuesOf(field.Code).Any(v => v.Trim().Length > 0)))
            : k.StartsWith("materials.", StringComparison.Ordinal) ? (FileId(k[10..]), text["MaterialMissing"])
            : null);
        return submitted.Status == HttpStatusCode.BadRequest ? Outcome.Invalid : Outcome.Failed;
    }

    /// <summary>Keeps the newest view of the case, or puts each error beside its field (or at the top when it has none).</summary>
    private void Take(ApiResult<CaseView> result, Func<string, (string Id, string Message)?> beside)
    {
        if (result.Ok)
        {
            Case = result.Value ?? Case;
            return;
        }

        SignInRequired |= result.SignInRequired;
        if (result.Errors.Count == 0)
        {
            var message = result.Status switch
            {
                HttpStatusCode.Conflict => text["StateChanged"],
                HttpStatusCode.Forbidden => text["NotYours"],
                _ => text["ServiceUnavailable"],
            };
            if (!General.Contains(message))
            {
                General.Add(message);
            }

            return;
        }

        foreach (var (key, messages) in result.Errors)
        {
            if (beside(key) is { } placed)
            {
                Errors.TryAdd(placed.Id, placed.Message);
            }
            else
            {
                General.Add(CaseText.InLanguage(messages.FirstOrDefault()));
            }
        }
    }

    private string FieldMessage(FormField field, bool present) => !present ? text["FieldRequired", CaseText.Label(field)] : field.Type switch
    {
        "text" => text["TextTooLong", TextMax],
        "longText" => text["TextTooLong", LongTextMax],
        "number" => text["NumberInvalid"],
        "date" => text["DateInvalid"],
        _ => text["ChoiceInvalid"],
    };

    private string FileMessage(string key) => key switch
    {
        "walletFileId" => text["WalletInvalid"],
        "materialCode" => text["MaterialNotExpected"],
        _ => text["FileEmpty"],
    };
}
