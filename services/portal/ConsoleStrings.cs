namespace Talent.Portal;

/// <summary>The staff console's text, in Resources/ConsoleStrings.resx (Chinese) and ConsoleStrings.en.resx.</summary>
public sealed class ConsoleStrings;
