using System.Globalization;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;

namespace Talent.Portal.Components.Pages.Matching;

/// <summary>A part of a match's score said in the reader's language, from the demand's and the provider's own facts.</summary>
public static class ScoreText
{
    public static string Explain(
        IStringLocalizer<MatchingStrings> text, MatchingVocabularies? vocabularies, MatchingScoreComponent component,
        IReadOnlyList<string> domains, IReadOnlyList<string> serviceTypes, string stage, string language, MatchingProvider provider)
    {
        var separator = text["ListSeparator"].Value;
        switch (component.Name)
        {
            case "domain":
                var shared = domains.Intersect(provider.Domains).ToList();
                return text["Explain.domain", shared.Count, domains.Count, MatchingVocabularies.Names(vocabularies?.Domains, shared, separator)];
            case "serviceType":
                var services = serviceTypes.Intersect(provider.ServiceTypes).ToList();
                return text["Explain.serviceType", services.Count, serviceTypes.Count, MatchingVocabularies.Names(vocabularies?.ServiceTypes, services, separator)];
            case "stage":
                return component.Value > 0 ? text["Explain.stageYes", MatchingVocabularies.Name(vocabularies?.Stages, stage)] : text["Explain.stageNo"];
            case "rating":
                return provider.Rating is { } rating ? text["Explain.rating", rating.ToString("0.00", CultureInfo.InvariantCulture), provider.Ratings] : text["Explain.ratingNone"];
            case "load":
                return text["Explain.load", (int)Math.Round(component.Value * 100)];
            case "language":
                return component.Value > 0 ? text["Explain.languageYes", MatchingVocabularies.Name(vocabularies?.Languages, language)] : text["Explain.languageNo"];
            default:
                return BilingualText.InCurrentLanguage(component.Explanation) ?? "";
        }
    }
}
