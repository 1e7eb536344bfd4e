using System.Net;
using System.Text;

namespace Talent.Catalogue.Search;

/// <summary>
/// A short passage around the first words a query matched, HTML-escaped with the matches in <c>&lt;em&gt;</c>.
/// Chinese words match as substrings; other words as word prefixes of their stem (apart → apartments).
/// </summary>
public static class Snippets
{
    public const int Length = 120;

    public static string Make(IEnumerable<string> candidates, IReadOnlyList<string> terms)
    {
        string? best = null;
        var bestHits = 0;
        foreach (var text in candidates.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            best ??= text;
            var hits = Matches(text, terms).Count;
            if (hits > bestHits)
            {
                (best, bestHits) = (text, hits);
            }
        }

        if (best is null)
        {
            return "";
        }

        var matches = Matches(best, terms);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - (Length / 4));
        var end = Math.Min(best.Length, start + Length);
        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append('…');
        }

        var at = start;
        foreach (var (matchStart, matchLength) in matches.Where(m => m.Start >= start && m.Start + m.Length <= end))
        {
            if (matchStart < at)
            {
                continue;
            }

            builder.Append(WebUtility.HtmlEncode(best[at..matchStart])).Append("<em>").Append(WebUtility.HtmlEncode(best.Substring(matchStart, matchLength))).Append("</em>");
            at = matchStart + matchLength;
        }

        builder.Append(WebUtility.HtmlEncode(best[at..end]));
        if (end < best.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    private static List<(int Start, int Length)> Matches(string text, IReadOnlyList<string> terms)
    {
        var found = new List<(int Start, int Length)>();
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            var cjk = SearchAnalysis.HasCjk(term);
            var at = 0;
            while ((at = text.IndexOf(term, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var length = term.Length;
                if (!cjk)
                {
                    if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                    {
                        at += term.Length;
                        continue;
                    }

                    while (at + length < text.Length && char.IsLetterOrDigit(text[at + length]))
                    {
                        length++;
                    }
                }

                found.Add((at, length));
                at += length;
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return found;
    }
}
