namespace Talent.Portal;

/// <summary>The text of the matching pages, in Resources/MatchingStrings.resx (Chinese, neutral) and MatchingStrings.en.resx.</summary>
public sealed class MatchingStrings;
