using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Talent.Catalogue.Search;

/// <summary>A token of analysed text with where it came from in the original.</summary>
public readonly record struct TextToken(string Term, int Start, int End);

/// <summary>
/// How text becomes terms. Words: SmartChineseAnalyzer's HMM segmentation (高新技术企业认定 → 高新技术|企业|认定), lower
/// case, English and punctuation stop words, Porter stemming for English. Bigrams: overlapping CJK character pairs, so that
/// a two-character query finds a word the segmenter kept whole (高新 in 高新技术).
/// </summary>
public static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet StopWords = BuildStopWords();

    /// <summary>Words, for the title, keyword and body fields.</summary>
    public static Analyzer Words { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new HMMChineseTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>CJK bigrams (Latin words pass whole), for the <c>*_cjk</c> fields.</summary>
    public static Analyzer Bigrams { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Per field: the <c>*_cjk</c> fields get bigrams, every other field words.</summary>
    public static Analyzer Index { get; } = new PerFieldAnalyzerWrapper(Words, new Dictionary<string, Analyzer>
    {
        [SearchFields.TitleCjk] = Bigrams,
        [SearchFields.BodyCjk] = Bigrams,
    });

    public static List<TextToken> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<TextToken>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new TextToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    public static bool HasCjk(string text) => text.Any(IsCjk);

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(Version, 64, true);
        set.UnionWith(SmartChineseAnalyzer.DefaultStopSet);
        set.UnionWith(StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        set.UnionWith(["my", "our", "i", "we", "how", "what", "where", "do", "get", "apply", "application"]);
        return set.AsReadOnly();
    }
}

/// <summary>The index's field names.</summary>
public static class SearchFields
{
    public const string Code = "code";
    public const string Title = "title";
    public const string TitleCjk = "title_cjk";
    public const string Keywords = "keywords";
    public const string Body = "body";
    public const string BodyCjk = "body_cjk";
    public const string Stage = "stage";
    public const string Category = "category";
    public const string Department = "department";
    public const string Audience = "audience";
    public const string SortCode = "code_sort";
}
