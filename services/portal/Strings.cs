namespace Talent.Portal;

/// <summary>The portal's text, in Resources/Strings.resx (Chinese, the neutral language) and Strings.en.resx.</summary>
public sealed class Strings;
