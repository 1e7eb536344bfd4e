namespace Talent.Portal;

/// <summary>The text of the rating and problem-feedback pages, in Resources/FeedbackStrings.resx (Chinese, neutral) and FeedbackStrings.en.resx.</summary>
public sealed class FeedbackStrings;
