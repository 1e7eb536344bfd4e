using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>How the figures pages write a rate: a percentage with one decimal, a dash where there is nothing to count.</summary>
public static class FigureText
{
    public static string Percent(double? rate, IStringLocalizer<ConsoleStrings> text) =>
        rate is { } value ? value.ToString("0.0%", CultureInfo.InvariantCulture) : text["NotAvailable"];
}
