using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Talent.Catalogue.Search;

/// <summary>
/// Turns what a person typed into a Lucene query. The query is read as concepts: a synonym group found in it, or else a
/// segmented word. Each concept matches any of its words in the title (weighted highest), keywords, or body, as words
/// and as CJK bigrams; the words typed count more than their synonyms. Short queries need every concept; longer ones
/// all but a third, so one stray word does not empty the result.
/// </summary>
public static class SearchQueryBuilder
{
    public const float TitleBoost = 6f;
    public const float KeywordsBoost = 3f;
    public const float BodyBoost = 1f;
    public const float TitleBigramBoost = 2f;
    public const float BodyBigramBoost = 0.5f;
    public const float SynonymWeight = 0.4f;

    public sealed record Built(Query Query, IReadOnlyList<string> HighlightTerms);

    public static Built? Build(string text, SynonymSet synonyms)
    {
        var query = text.Trim().ToLowerInvariant();
        var covered = new bool[query.Length];
        var concepts = new List<List<(string Word, float Weight)>>();
        var highlight = new List<string>();

        foreach (var (start, length, group) in synonyms.FindCjk(query, covered).OrderBy(m => m.Start).ToList())
        {
            concepts.Add(Concept(query.Substring(start, length), synonyms.Groups[group]));
        }

        foreach (var token in MergeSingleCharacters(SearchAnalysis.Tokens(SearchAnalysis.Words, query)))
        {
            if (covered.AsSpan(token.Start, token.End - token.Start).IndexOf(false) < 0)
            {
                continue;
            }

            var typed = query[token.Start..token.End];
            concepts.Add(synonyms.GroupOfTerm(token.Term) is { } group ? Concept(typed, synonyms.Groups[group]) : [(typed, 1f)]);
        }

        if (concepts.Count == 0)
        {
            return null;
        }

        var root = new BooleanQuery(disableCoord: false)
        {
            MinimumNumberShouldMatch = concepts.Count <= 2 ? concepts.Count : concepts.Count - (concepts.Count / 3),
        };
        foreach (var concept in concepts)
        {
            // The best-matching word of a concept counts (a synonym never outweighs the word typed).
            var any = new DisjunctionMaxQuery(0.1f);
            foreach (var (word, weight) in concept)
            {
                var fields = new BooleanQuery(disableCoord: true);
                AddField(fields, SearchFields.Title, word, TitleBoost * weight, cjk: false);
                AddField(fields, SearchFields.Keywords, word, KeywordsBoost * weight, cjk: false);
                AddField(fields, SearchFields.Body, word, BodyBoost * weight, cjk: false);
                if (SearchAnalysis.HasCjk(word))
                {
                    AddField(fields, SearchFields.TitleCjk, word, TitleBigramBoost * weight, cjk: true);
                    AddField(fields, SearchFields.BodyCjk, word, BodyBigramBoost * weight, cjk: true);
                    highlight.Add(word);
                }
                else
                {
                    highlight.AddRange(Analyse(word, cjk: false).Select(t => t.Term));
                }

                if (fields.Clauses.Count > 0)
                {
                    any.Add(fields);
                }
            }

            if (any.Disjuncts.Count > 0)
            {
                root.Add(any, Occur.SHOULD);
            }
        }

        root.MinimumNumberShouldMatch = Math.Min(root.MinimumNumberShouldMatch, root.Clauses.Count);
        return root.Clauses.Count == 0 ? null : new Built(root, [.. highlight.Distinct()]);
    }

    /// <summary>
    /// The segmenter splits words it does not know into single characters (配租 → 配|租, 高新 → 高|新); typed together
    /// they mean one word, which the bigram fields find.
    /// </summary>
    private static IEnumerable<TextToken> MergeSingleCharacters(List<TextToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            while (IsSingleCjk(token) && i + 1 < tokens.Count && IsSingleCjk(tokens[i + 1]) && tokens[i + 1].Start == token.End)
            {
                token = new TextToken(token.Term + tokens[i + 1].Term, token.Start, tokens[i + 1].End);
                i++;
            }

            yield return token;
        }
    }

    private static bool IsSingleCjk(TextToken token) => token.End - token.Start == 1 && SearchAnalysis.IsCjk(token.Term[0]);

    private static List<(string, float)> Concept(string typed, IReadOnlyList<string> group) =>
        [(typed, 1f), .. group.Where(w => w != typed).Select(w => (w, SynonymWeight))];

    // Synonym variants repeat in every query that names their group: their analysis is kept (bounded).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool Cjk, string Word), List<TextToken>> Analysed = new();

    private static List<TextToken> Analyse(string word, bool cjk)
    {
        if (Analysed.TryGetValue((cjk, word), out var tokens))
        {
            return tokens;
        }

        tokens = SearchAnalysis.Tokens(cjk ? SearchAnalysis.Bigrams : SearchAnalysis.Words, word);
        if (Analysed.Count > 50_000)
        {
            Analysed.Clear();
        }

        Analysed.TryAdd((cjk, word), tokens);
        return tokens;
    }

    private static void AddField(BooleanQuery into, string field, string word, float boost, bool cjk)
    {
        var tokens = Analyse(word, cjk);
        Query? query = tokens.Count switch
        {
            0 => null,
            1 => new TermQuery(new Term(field, tokens[0].Term)),
            _ => Phrase(field, tokens),
        };
        if (query is not null)
        {
            query.Boost = boost;
            into.Add(query, Occur.SHOULD);
        }
    }

    private static PhraseQuery Phrase(string field, List<TextToken> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token.Term));
        }

        return phrase;
    }
}
