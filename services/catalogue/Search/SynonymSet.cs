namespace Talent.Catalogue.Search;

/// <summary>
/// The synonym list prepared for reading queries: Chinese words are found as substrings of the query (longest first),
/// other words by their analysed (stemmed) form.
/// </summary>
public sealed class SynonymSet
{
    public static SynonymSet Empty { get; } = new([], 0);

    private readonly List<(string Word, int Group)> _cjkWords;
    private readonly Dictionary<string, int> _latinTerms = new(StringComparer.Ordinal);

    public SynonymSet(IReadOnlyList<IReadOnlyList<string>> groups, int revision)
    {
        Revision = revision;
        Groups = [.. groups.Select(g => (IReadOnlyList<string>)[.. g.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0).Distinct()])];
        _cjkWords = [];
        for (var g = 0; g < Groups.Count; g++)
        {
            foreach (var word in Groups[g])
            {
                if (SearchAnalysis.HasCjk(word))
                {
                    _cjkWords.Add((word, g));
                }
                else if (SearchAnalysis.Tokens(SearchAnalysis.Words, word) is [var single])
                {
                    _latinTerms.TryAdd(single.Term, g);
                }
            }
        }

        _cjkWords.Sort((a, b) => b.Word.Length.CompareTo(a.Word.Length));
    }

    public int Revision { get; }

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>Where a group's Chinese words occur in the (lower-cased) query, longest words first, without overlaps.</summary>
    public IEnumerable<(int Start, int Length, int Group)> FindCjk(string query, bool[] covered)
    {
        foreach (var (word, group) in _cjkWords)
        {
            var at = 0;
            while ((at = query.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
            {
                if (!covered.AsSpan(at, word.Length).Contains(true))
                {
                    Array.Fill(covered, true, at, word.Length);
                    yield return (at, word.Length, group);
                }

                at += word.Length;
            }
        }
    }

    public int? GroupOfTerm(string analysedTerm) => _latinTerms.TryGetValue(analysedTerm, out var g) ? g : null;
}
