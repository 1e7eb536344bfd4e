using System.Globalization;

namespace Talent.Portal.Apis;

/// <summary>
/// The figures operators watch, through the gateway on their behalf: how the cases of a period went (applications, per
/// department and item), the published 好差评 figures (satisfaction, departments ranked, months, rectification on time)
/// and demand analysis (the keywords people raise, and their trend). Periods are months, <c>yyyy-MM</c>.
/// </summary>
public sealed class FiguresApi(HttpClient http)
{
    /// <summary>Cases submitted from the first day of <paramref name="from"/> to the last of <paramref name="to"/>.</summary>
    public Task<ApiResult<CaseFigures>> CasesAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        GetAsync<CaseFigures>(QueryString.Of("/api/applications/figures", ("from", Day(from)), ("to", Day(to.AddMonths(1).AddDays(-1)))), ct);

    /// <summary>The zone's figures by month, departments ranked, and items (<paramref name="items"/> a page, most reviewed first).</summary>
    public Task<ApiResult<SatisfactionFigures>> SatisfactionAsync(DateOnly from, DateOnly to, int items, CancellationToken ct, int page = 1) =>
        GetAsync<SatisfactionFigures>(QueryString.Of("/api/feedback/figures", ("from", Month(from)), ("to", Month(to)), ("pageSize", items.ToString(CultureInfo.InvariantCulture)),
            ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null)), ct);

    public Task<ApiResult<DemandAnalysis>> AnalysisAsync(DateOnly from, DateOnly to, int top, CancellationToken ct) =>
        GetAsync<DemandAnalysis>(QueryString.Of("/api/feedback/analysis", ("from", Month(from)), ("to", Month(to)), ("top", top.ToString(CultureInfo.InvariantCulture))), ct);

    /// <summary>Demand analysis as the service writes it in CSV (the caller streams and disposes the answer).</summary>
    public Task<HttpResponseMessage> AnalysisCsvAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        http.GetAsync(QueryString.Of("/api/feedback/analysis", ("from", Month(from)), ("to", Month(to)), ("format", "csv")), HttpCompletionOption.ResponseHeadersRead, ct);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<ApiResult<T>> GetAsync<T>(string uri, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }
}

/// <summary>One department's or item's cases: by state, decided, on-time rate, average working days to decision, zero-visit rate.</summary>
public sealed record CaseFigure(string Key, int Total, Dictionary<string, int> ByState, int Decided, double? OnTimeRate, double? AverageWorkingDaysToDecision, double? ZeroVisitRate);

public sealed record CaseFigures(DateOnly? From, DateOnly? To, int Total, List<CaseFigure> ByDepartment, List<CaseFigure> ByItem);

/// <summary>Reviews, satisfaction rate (basically satisfied or better), share of bad reviews, average level (1-5), rectification on time.</summary>
public sealed record SatisfactionFigure(int Reviews, double? SatisfactionRate, double? BadShare, double? AverageLevel, int RectificationsClosed, double? RectificationOnTimeRate);

public sealed record MonthSatisfaction(string Month, SatisfactionFigure Figures);

public sealed record DepartmentSatisfaction(int Rank, string Department, SatisfactionFigure Figures);

public sealed record ItemSatisfaction(string ItemCode, string? TitleZh, string? TitleEn, string Department, SatisfactionFigure Figures);

public sealed record ItemSatisfactionPage(List<ItemSatisfaction> Items, int Page, int PageSize, int Total);

public sealed record SatisfactionFigures(string From, string To, string? Department, SatisfactionFigure Overall, List<MonthSatisfaction> Months,
    List<DepartmentSatisfaction> Departments, ItemSatisfactionPage Items, string Note);

public sealed record KeywordCount(string Keyword, int Count);

public sealed record GroupThemes(string Group, int Documents, List<KeywordCount> TopKeywords);

public sealed record DemandAnalysis(string From, string To, int Documents, List<KeywordCount> Keywords, List<GroupThemes> Months, List<GroupThemes> Stages, List<GroupThemes> Categories);
