namespace Talent.Portal;

/// <summary>The text of applying and following one's cases, in Resources/CasesStrings.resx (Chinese) and CasesStrings.en.resx.</summary>
public sealed class CasesStrings;
