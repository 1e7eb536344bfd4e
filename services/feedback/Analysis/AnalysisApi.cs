using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Talent.Feedback.Figures;

namespace Talent.Feedback.Analysis;

/// <summary>
/// Demand analysis for operators: the themes people raise in tickets and review comments. Top keywords (Chinese word
/// segmentation, done once when the text is written), documents and top keywords per month, per lifecycle stage and per
/// category; filtered by months, source, stage, category and department; as JSON or CSV (<c>?format=csv</c>).
/// </summary>
public static class AnalysisApi
{
    public const int MaxTop = 200;

    /// <summary>Which texts: <c>?from=yyyy-MM&amp;to=yyyy-MM&amp;source=&amp;stage=&amp;category=&amp;department=</c> (named as before in the OpenAPI document).</summary>
    public sealed record AnalysisFilter(
        [FromQuery(Name = "from")] string? From,
        [FromQuery(Name = "to")] string? To,
        [FromQuery(Name = "source")] string? Source,
        [FromQuery(Name = "stage")] string? Stage,
        [FromQuery(Name = "category")] string? Category,
        [FromQuery(Name = "department")] string? Department);

    public sealed record KeywordCount(string Keyword, int Count);

    public sealed record GroupThemes(string Group, int Documents, IReadOnlyList<KeywordCount> TopKeywords);

    public sealed record AnalysisResponse(string From, string To, int Documents, IReadOnlyList<KeywordCount> Keywords, IReadOnlyList<GroupThemes> Months, IReadOnlyList<GroupThemes> Stages, IReadOnlyList<GroupThemes> Categories);

    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/feedback/analysis", GetAsync)
            .RequireAuthorization(FeedbackPolicies.Operator)
            .WithTags("Demand analysis")
            .WithName("GetDemandAnalysis")
            .WithSummary("Themes from tickets and review comments: ?from=yyyy-MM&to=yyyy-MM&source=review|follow-up|ticket&stage=&category=&department=&top=30&format=json|csv")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Ok<AnalysisResponse>, ContentHttpResult, ValidationProblem>> GetAsync(
        [AsParameters] AnalysisFilter filter, int? top, string? format, HttpResponse response, [AsParameters] RequestContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var (first, last) = MonthRange.Read(filter.From, filter.To, FigureCounters.MonthOf(context.Time.GetUtcNow()), errors);

        if (filter.Source is not null && filter.Source is not (FeedbackText.Review or FeedbackText.FollowUp or FeedbackText.Ticket))
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

        foreach (var (name, value) in new[] { ("stage", filter.Stage), ("category", filter.Category), ("department", filter.Department) })
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

        var analysis = await DemandAnalysis.RunAsync(context.Db, first, last, filter, top ?? 30, context.Cancellation);
        if (format != "csv")
        {
            return TypedResults.Ok(analysis);
        }

        response.Headers.ContentDisposition = $"attachment; filename=\"feedback-analysis-{analysis.From}-{analysis.To}.csv\"";
        return TypedResults.Text(AnalysisCsv.ToCsv(analysis), "text/csv; charset=utf-8", Encoding.UTF8);
    }
}
