using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Feedback.Data;
using static Talent.Feedback.Analysis.AnalysisApi;

namespace Talent.Feedback.Analysis;

/// <summary>
/// The themes of the texts people wrote, counted in the database from the keywords segmented when each text was written:
/// the top keywords, and documents and top keywords per month, lifecycle stage and category.
/// </summary>
public static class DemandAnalysis
{
    public const int TopPerGroup = 5;

    public sealed class KeywordRow
    {
        public string Group { get; set; } = "";

        public string Keyword { get; set; } = "";

        public int Count { get; set; }
    }

    private const string Texts = """
        WITH t AS (
            SELECT month, stages, category, keywords FROM feedback_texts
            WHERE month BETWEEN @from AND @to
              AND (@source::text IS NULL OR source = @source)
              AND (@stage::text IS NULL OR @stage = ANY (stages))
              AND (@category::text IS NULL OR category = @category)
              AND (@department::text IS NULL OR department = @department))
        """;

    private const string TopKeywords = Texts + """
        SELECT '' AS "Group", k AS "Keyword", count(*)::int AS "Count" FROM t, unnest(t.keywords) AS k
        GROUP BY k ORDER BY count(*) DESC, k LIMIT @top
        """;

    private const string Documents = Texts + """
        SELECT 'month' AS "Group", to_char(month, 'YYYY-MM') AS "Keyword", count(*)::int AS "Count" FROM t GROUP BY month
        UNION ALL SELECT 'stage', g, count(*)::int FROM t, unnest(t.stages) AS g GROUP BY g
        UNION ALL SELECT 'category', category, count(*)::int FROM t GROUP BY category
        """;

    private const string GroupKeywords = Texts + """
        , grouped AS (
            SELECT 'month:' || to_char(month, 'YYYY-MM') AS g, k FROM t, unnest(t.keywords) AS k
            UNION ALL SELECT 'stage:' || s, k FROM t, unnest(t.stages) AS s, unnest(t.keywords) AS k
            UNION ALL SELECT 'category:' || category, k FROM t, unnest(t.keywords) AS k),
        counted AS (
            SELECT g, k, count(*)::int AS n, row_number() OVER (PARTITION BY g ORDER BY count(*) DESC, k) AS r FROM grouped GROUP BY g, k)
        SELECT g AS "Group", k AS "Keyword", n AS "Count" FROM counted WHERE r <= @perGroup
        """;

    /// <summary>The analysis of the texts from <paramref name="first"/> to <paramref name="last"/> (months) the filter selects.</summary>
    public static async Task<AnalysisResponse> RunAsync(FeedbackDbContext db, DateOnly first, DateOnly last, AnalysisFilter filter, int top, CancellationToken ct)
    {
        NpgsqlParameter[] Parameters() =>
        [
            new("from", first), new("to", last), new("source", (object?)filter.Source ?? DBNull.Value), new("stage", (object?)filter.Stage ?? DBNull.Value),
            new("category", (object?)filter.Category ?? DBNull.Value), new("department", (object?)filter.Department ?? DBNull.Value),
            new("top", top), new("perGroup", TopPerGroup),
        ];

        var keywords = await db.Database.SqlQueryRaw<KeywordRow>(TopKeywords, Parameters()).ToListAsync(ct);
        var documents = await db.Database.SqlQueryRaw<KeywordRow>(Documents, Parameters()).ToListAsync(ct);
        var grouped = (await db.Database.SqlQueryRaw<KeywordRow>(GroupKeywords, Parameters()).ToListAsync(ct)).ToLookup(r => r.Group);

        List<GroupThemes> Groups(string dimension, Func<KeywordRow, string> order) => [.. documents
            .Where(d => d.Group == dimension)
            .OrderBy(order, StringComparer.Ordinal)
            .Select(d => new GroupThemes(d.Keyword, d.Count, [.. grouped[$"{dimension}:{d.Keyword}"].OrderByDescending(k => k.Count).ThenBy(k => k.Keyword, StringComparer.Ordinal).Select(k => new KeywordCount(k.Keyword, k.Count))]))];

        return new AnalysisResponse(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture), last.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            documents.Where(d => d.Group == "month").Sum(d => d.Count),
            [.. keywords.Select(k => new KeywordCount(k.Keyword, k.Count))],
            Groups("month", d => d.Keyword), Groups("stage", d => d.Keyword), Groups("category", d => d.Keyword));
    }
}
