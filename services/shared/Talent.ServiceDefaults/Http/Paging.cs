using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Talent.Http;

/// <summary>
/// <c>?page=&amp;pageSize=</c> as every list reads them (bind with <c>[AsParameters]</c>). Validated and capped before any
/// arithmetic, so no page number overflows the offset.
/// </summary>
public readonly record struct PageQuery(
    [FromQuery(Name = "page")][property: FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")][property: FromQuery(Name = "pageSize")] int? PageSize)
{
    /// <summary>The highest page number accepted: with at most 1,000 rows a page, the offset stays far inside an int.</summary>
    public const int MaxPageNumber = 1_000_000;

    /// <summary>The page asked for, or a 400 naming <c>page</c> or <c>pageSize</c>.</summary>
    public bool TryResolve(out Page page, out ValidationProblem problem, int defaultSize = 20, int maxSize = 100)
    {
        var errors = new Dictionary<string, string[]>();
        if (Page is < 1 or > MaxPageNumber)
        {
            errors["page"] = [$"1 to {MaxPageNumber:N0}. 页码须为 1 至 {MaxPageNumber}。"];
        }

        if (PageSize is < 1 || PageSize > maxSize)
        {
            errors["pageSize"] = [$"1 to {maxSize}. 每页条数须为 1 至 {maxSize}。"];
        }

        page = new Page(Page ?? 1, PageSize ?? Math.Min(defaultSize, maxSize));
        problem = TypedResults.ValidationProblem(errors);
        return errors.Count == 0;
    }
}

/// <summary>A valid page: its number from 1 and its size.</summary>
public readonly record struct Page(int Number, int Size)
{
    public int Skip => (int)Math.Min(int.MaxValue, (long)(Number - 1) * Size);

    public Paged<T> Of<T>(IReadOnlyList<T> items, int total) => new(items, Number, Size, total);
}

/// <summary>One page of a list and the total across all pages.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
