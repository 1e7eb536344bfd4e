using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Talent.Feedback.Analysis;

/// <summary>
/// The keywords of a comment or a ticket for demand analysis: Chinese word segmentation (SmartChineseAnalyzer's HMM
/// segmenter), lower case, without punctuation, English stop words, everyday function words (的, 我们, 非常, ...),
/// single Chinese characters and numbers. Each keyword once per text.
/// </summary>
public static class Keywords
{
    public const int MaxPerText = 40;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet StopWords = BuildStopWords();

    private static readonly Analyzer Analyzer = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new HMMChineseTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, StopWords);
        return new TokenStreamComponents(tokenizer, stream);
    });

    public static List<string> Of(params string?[] texts)
    {
        var keywords = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var stream = Analyzer.GetTokenStream("text", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken() && keywords.Count < MaxPerText)
            {
                var word = term.ToString();
                if (Keeps(word) && seen.Add(word))
                {
                    keywords.Add(word);
                }
            }

            stream.End();
        }

        return keywords;
    }

    private static bool Keeps(string word)
    {
        if (word.Length > 30 || word.All(c => char.IsDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
        {
            return false;
        }

        var cjk = word.Any(c => c is >= '\u3400' and <= '\u9FFF');
        return cjk ? word.Length >= 2 : word.Length >= 3;
    }

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(Version, 128, true);
        set.UnionWith(SmartChineseAnalyzer.DefaultStopSet);
        set.UnionWith(StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        set.UnionWith([
            "我们", "你们", "他们", "自己", "这个", "那个", "什么", "怎么", "如何", "为什么", "没有", "还是", "已经", "可以", "能够", "希望", "非常", "比较",
            "一个", "一些", "这些", "那些", "但是", "因为", "所以", "如果", "就是", "还有", "以及", "或者", "然后", "现在", "目前", "时候", "问题", "谢谢",
            "please", "thank", "thanks", "would", "could", "should", "very", "also", "have", "has", "had", "was", "were", "been", "about", "from", "more", "when",
        ]);
        return set;
    }
}
