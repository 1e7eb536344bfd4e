using System.Globalization;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;

namespace Talent.Portal.Components.Pages.Console;

public sealed partial class DraftForm
{
    /// <summary>Reads each field as its kind, noting beside it what cannot be read.</summary>
    private sealed class Checker(DraftForm form, Dictionary<string, string> errors, IStringLocalizer text)
    {
        public string Text(string path)
        {
            var value = form.Value(path);
            var field = FieldOf(path);
            if (value.Length > field.MaxLength)
            {
                errors[IdOf(path)] = text["TooLongText", field.MaxLength];
            }

            return value;
        }

        public string? Optional(string path) => Text(path) is { Length: > 0 } value ? value : null;

        public bool Checked(string path) => form.Checked(path);

        public int Number(string path, int blank)
        {
            var value = form.Value(path);
            if (value.Length == 0)
            {
                return blank;
            }

            if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            errors[IdOf(path)] = text["NotANumber"];
            return 0;
        }

        public decimal Money(string path)
        {
            var value = form.Value(path);
            if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) && decimal.Round(amount, 2) == amount)
            {
                return amount;
            }

            errors[IdOf(path)] = text["NotAnAmount"];
            return 0;
        }

        public string Choice(string path)
        {
            var value = form.Value(path);
            if (!FieldOf(path).Options!.Contains(value, StringComparer.Ordinal))
            {
                errors[IdOf(path)] = text["ChooseOne"];
            }

            return value;
        }

        public List<string> Choices(string path)
        {
            var chosen = form.Value(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            if (chosen.Any(c => !FieldOf(path).Options!.Contains(c, StringComparer.Ordinal)))
            {
                errors[IdOf(path)] = text["ChooseOne"];
            }

            return chosen;
        }

        public List<string> Lines(string path)
        {
            var lines = Text(path).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (lines.Count > MaxLines)
            {
                errors[IdOf(path)] = text["TooManyLines", MaxLines];
            }

            return lines;
        }

        /// <summary>A choice field's options, one a line as <c>value|中文|English</c> (the English optional).</summary>
        public List<FieldOption> Options(string path)
        {
            var options = new List<FieldOption>();
            foreach (var line in Lines(path))
            {
                var parts = line.Split('|', StringSplitOptions.TrimEntries);
                if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    errors[IdOf(path)] = text["OptionLine", line.Length > 40 ? line[..40] : line];
                    return options;
                }

                options.Add(new FieldOption(parts[0], parts[1], parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null));
            }

            return options;
        }

        private static Field FieldOf(string path)
        {
            var name = path[(path.LastIndexOf('.') + 1)..];
            var parent = path[..path.LastIndexOf('.')];
            var sectionPath = parent.EndsWith(']') ? parent[..parent.LastIndexOf('[')] : parent;
            return Sections.Single(s => s.Path == sectionPath).Fields.Single(f => f.Name == name);
        }
    }
}
