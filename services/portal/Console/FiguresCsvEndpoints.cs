using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;
using Talent.Portal.Components.Pages.Cases;

namespace Talent.Portal.Console;

/// <summary>
/// Each table of the operators' figures page as a CSV download (UTF-8 with a byte-order mark, so spreadsheets read the
/// Chinese; headers in both languages; rates as fractions): <c>/console/figures/{table}.csv?from=yyyy-MM&amp;to=yyyy-MM</c>.
/// The figures are read again from the services with the operator's token; demand analysis is the feedback service's own CSV.
/// </summary>
public static class FiguresCsvEndpoints
{
    /// <summary>The most pages of 100 services a CSV reads (the directory has a few hundred items at most).</summary>
    private const int MaxPages = 100;

    public static readonly string[] Tables = ["cases-departments", "cases-items", "satisfaction-departments", "satisfaction-months", "satisfaction-items", "keywords"];

    public static string PathOf(string table, FiguresPeriod period) => $"/console/figures/{table}.csv?{period.Query}";

    public static IEndpointRouteBuilder MapFiguresCsv(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console/figures/{table}.csv", CsvAsync).RequireAuthorization(policy => policy.RequireRole("operator"));
        return routes;
    }

    private static async Task<IResult> CsvAsync(
        string table, string? from, string? to, FiguresApi figures, CatalogueApi catalogue, TimeProvider time, IStringLocalizer<ConsoleStrings> text, HttpContext http, CancellationToken ct)
    {
        if (!Tables.Contains(table, StringComparer.Ordinal))
        {
            return Results.NotFound();
        }

        var (period, errors) = FiguresPeriod.Read(from, to, time.GetUtcNow(), key => text[key]);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        http.Response.Headers.CacheControl = "private, no-store";
        var name = $"{table}-{FiguresApi.Month(period.From)}-{FiguresApi.Month(period.To)}.csv";
        if (table == "keywords")
        {
            using var answer = await figures.AnalysisCsvAsync(period.From, period.To, ct);
            return answer.IsSuccessStatusCode ? File(await answer.Content.ReadAsStringAsync(ct), name) : Refused(answer.StatusCode, http);
        }

        var department = await CaseText.DepartmentNamesAsync(catalogue, ct);
        if (table.StartsWith("cases-", StringComparison.Ordinal))
        {
            var cases = await figures.CasesAsync(period.From, period.To, ct);
            if (!cases.Ok)
            {
                return Refused(cases.Status, http);
            }

            var byDepartment = table == "cases-departments";
            var csv = new Csv(byDepartment ? ["部门编码 Department code", "部门 Department"] : ["事项编码 Item code"],
                ["提交 Submitted", "已办结 Decided", "按期办结率 On-time rate", "平均办理工作日 Average working days", "零跑动率 Zero-visit rate"]);
            foreach (var line in byDepartment ? cases.Value!.ByDepartment : cases.Value!.ByItem)
            {
                object?[] key = byDepartment ? [line.Key, department(line.Key)] : [line.Key];
                csv.Row([.. key, line.Total, line.Decided, line.OnTimeRate, line.AverageWorkingDaysToDecision, line.ZeroVisitRate]);
            }

            return File(csv.ToString(), name);
        }

        var found = await figures.SatisfactionAsync(period.From, period.To, 100, ct);
        if (!found.Ok)
        {
            return Refused(found.Status, http);
        }

        var sheet = new Csv(table switch
        {
            "satisfaction-departments" => ["排名 Rank", "部门编码 Department code", "部门 Department"],
            "satisfaction-months" => ["月份 Month"],
            _ => ["事项编码 Item code", "事项 Item", "部门 Department"],
        }, ["评价数 Reviews", "满意率 Satisfaction rate", "差评率 Bad share", "平均等级 Average level", "整改办结 Rectifications closed", "整改按期率 Rectification on-time rate"]);
        var rated = found.Value!;
        var items = rated.Items.Items.ToList();
        for (var page = 2; table == "satisfaction-items" && items.Count < rated.Items.Total && page <= MaxPages; page++)
        {
            var more = await figures.SatisfactionAsync(period.From, period.To, 100, ct, page);
            if (more.Value?.Items.Items is not { Count: > 0 } next)
            {
                return Refused(more.Status, http);
            }

            items.AddRange(next);
        }

        var figuresOf = table switch
        {
            "satisfaction-departments" => rated.Departments.Select(d => (new object?[] { d.Rank, d.Department, department(d.Department) }, d.Figures)),
            "satisfaction-months" => rated.Months.Select(m => (new object?[] { m.Month }, m.Figures)),
            _ => items.Select(i => (new object?[] { i.ItemCode, i.TitleZh, department(i.Department) }, i.Figures)),
        };
        foreach (var (key, f) in figuresOf)
        {
            sheet.Row([.. key, f.Reviews, f.SatisfactionRate, f.BadShare, f.AverageLevel, f.RectificationsClosed, f.RectificationOnTimeRate]);
        }

        return File(sheet.ToString(), name);
    }

    private static IResult File(string csv, string name) =>
        Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", name);

    /// <summary>The person's session ended: sign in and come back; anything else: the service could not answer.</summary>
    private static IResult Refused(HttpStatusCode status, HttpContext http) => status == HttpStatusCode.Unauthorized
        ? Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}")
        : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The figures are not available now. 数据暂时无法获取。");

    /// <summary>RFC 4180 rows; a text starting with =, +, -, @, a tab or a carriage return gets a leading ' so spreadsheets never run it as a formula.</summary>
    private sealed class Csv
    {
        private readonly StringBuilder _text = new();

        /// <summary>A sheet whose header is the columns naming a line, then the figures' columns.</summary>
        public Csv(string[] keys, string[] figures) => Row([.. keys, .. figures]);

        public void Row(params object?[] values)
        {
            _text.AppendJoin(',', values.Select(Field)).Append("\r\n");
        }

        public override string ToString() => _text.ToString();

        private static string Field(object? value) => value switch
        {
            null => "",
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => Quote(value.ToString() ?? ""),
        };

        private static string Quote(string text)
        {
            if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                text = "'" + text;
            }

            return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
        }
    }
}
