using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Feedback.Data;

namespace Talent.Feedback.Analysis;

/// <summary>
/// Demand analysis for operators: the themes people raise in tickets and review comments. Top keywords (Chinese word
/// segmentation, done once when the text is written), documents and top keywords per month, per lifecycle stage and per
/// category; filtered by months, source, stage, category and department; as JSON or CSV (<c>?format=csv</c>).
/// </summary>
public static class AnalysisApi
{
    public const string OperatorPolicy = "feedback-operator";
    public const int MaxTop = 200;
    public const int TopPerGroup = 5;

    public sealed class KeywordRow
    {
        public string Group { get; set; } = "";

        public string Keyword { get; set; } = "";

        public int Count { get; set; }
    }

    public sealed record KeywordCount(string Keyword, int Count);

    public sealed record GroupThemes(string Group, int Documents, IReadOnlyList<KeywordCount> TopKeywords);

    public sealed record AnalysisResponse(string From, string To, int Documents, IReadOnlyList<KeywordCount> Keywords, IReadOnlyList<GroupThemes> Months, IReadOnlyList<GroupThemes> Stages, IReadOnlyList<GroupThemes> Categories);

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

    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feedback/analysis", GetAsync)
            .RequireAuthorization(OperatorPolicy)
            .WithTags("Demand analysis")
            .WithName("GetDemandAnalysis")
            .WithSummary("Themes from tickets and review comments: ?from=yyyy-MM&to=yyyy-MM&source=review|follow-up|ticket&stage=&category=&department=&top=30&format=json|csv");
        return routes;
    }

    private static async Task<IResult> GetAsync(HttpContext http, string? from, string? to, string? source, string? stage, string? category, string? department, int? top, string? format, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (first, last) = QueryChecks.Months(from, to, Figures.FigureCounters.MonthOf(time.GetUtcNow()), errors);

        if (source is not null && source is not (FeedbackText.Review or FeedbackText.FollowUp or FeedbackText.Ticket))
        {
            errors["source"] = ["review, follow-up or ticket. 来源为 review、follow-up 或 ticket。"];
        }

        if (top is < 1 or > MaxTop)
        {
            errors["top"] = [$"1 to {MaxTop}. 关键词数量为 1 至 {MaxTop}。"];
        }

        if (format is not (null or "json" or "csv"))
        {
            errors["format"] = ["json or csv. 格式为 json 或 csv。"];
        }

        foreach (var (name, value) in new[] { ("stage", stage), ("category", category), ("department", department) })
        {
            if (value is { Length: > 40 })
            {
                errors[name] = ["At most 40 characters. 不超过 40 个字符。"];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        NpgsqlParameter[] Parameters() =>
        [
            new("from", first), new("to", last), new("source", (object?)source ?? DBNull.Value), new("stage", (object?)stage ?? DBNull.Value),
            new("category", (object?)category ?? DBNull.Value), new("department", (object?)department ?? DBNull.Value),
            new("top", top ?? 30), new("perGroup", TopPerGroup),
        ];

        var keywords = await db.Database.SqlQueryRaw<KeywordRow>(TopKeywords, Parameters()).ToListAsync(ct);
        var documents = await db.Database.SqlQueryRaw<KeywordRow>(Documents, Parameters()).ToListAsync(ct);
        var grouped = (await db.Database.SqlQueryRaw<KeywordRow>(GroupKeywords, Parameters()).ToListAsync(ct)).ToLookup(r => r.Group);

        List<GroupThemes> Groups(string dimension, Func<KeywordRow, string> order) => [.. documents
            .Where(d => d.Group == dimension)
            .OrderBy(order, StringComparer.Ordinal)
            .Select(d => new GroupThemes(d.Keyword, d.Count, [.. grouped[$"{dimension}:{d.Keyword}"].OrderByDescending(k => k.Count).ThenBy(k => k.Keyword, StringComparer.Ordinal).Select(k => new KeywordCount(k.Keyword, k.Count))]))];

        var response = new AnalysisResponse(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture), last.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            documents.Where(d => d.Group == "month").Sum(d => d.Count),
            [.. keywords.Select(k => new KeywordCount(k.Keyword, k.Count))],
            Groups("month", d => d.Keyword), Groups("stage", d => d.Keyword), Groups("category", d => d.Keyword));
        if (format != "csv")
        {
            return TypedResults.Ok(response);
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"feedback-analysis-{response.From}-{response.To}.csv\"";
        return TypedResults.Text(ToCsv(response), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>One row per figure: <c>dimension,group,keyword,count</c>; a group's document count has keyword <c>(documents)</c>.</summary>
    public static string ToCsv(AnalysisResponse response)
    {
        var csv = new StringBuilder("dimension,group,keyword,count\r\n");
        void Row(string dimension, string group, string keyword, int count) =>
            csv.Append(Field(dimension)).Append(',').Append(Field(group)).Append(',').Append(Field(keyword)).Append(',').Append(count.ToString(CultureInfo.InvariantCulture)).Append("\r\n");

        Row("all", "", "(documents)", response.Documents);
        foreach (var keyword in response.Keywords)
        {
            Row("all", "", keyword.Keyword, keyword.Count);
        }

        foreach (var (dimension, groups) in new[] { ("month", response.Months), ("stage", response.Stages), ("category", response.Categories) })
        {
            foreach (var group in groups)
            {
                Row(dimension, group.Group, "(documents)", group.Documents);
                foreach (var keyword in group.TopKeywords)
                {
                    Row(dimension, group.Group, keyword.Keyword, keyword.Count);
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets never run it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
