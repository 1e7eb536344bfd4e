using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Exchange.Access;
using Talent.Exchange.Data;
using Talent.Http;

namespace Talent.Exchange.Feed;

/// <summary>
/// The change feed (exchange service <c>feed</c>): public events as CloudEvents 1.0, oldest first, read by cursor, at
/// least once (a client that loses its place reads some events again; each has a stable <c>id</c>), kept for the
/// retention the answer states. Only rows of transactions older than every running one are served, in (transaction,
/// sequence) order: a row that commits after a later-numbered one is still read, never jumped over.
/// </summary>
public static class FeedApi
{
    public const int MaxLimit = 500;

    /// <summary>A CloudEvents 1.0 event in structured JSON form, with the feed's <c>cursor</c> extension attribute.</summary>
    public sealed record CloudEvent(string Specversion, string Id, string Source, string Type, string Subject, DateTimeOffset Time, string Datacontenttype, JsonElement Data, string Cursor);

    /// <summary>A page of the feed: the events, the cursor to read on from, whether more are ready, and the retention.</summary>
    public sealed record FeedPage(IReadOnlyList<CloudEvent> Events, string Next, bool HasMore, string Retention, string? PrunedThrough);

    private sealed record Row(string Tx, long Sequence, Guid Id, string Type, string Source, string Subject, DateTimeOffset Time, string Data);

    public static IEndpointRouteBuilder MapFeedApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/exchange/v1/feed", ReadAsync).WithTags("Change feed").WithName("ChangeFeed")
            .WithSummary("Public events after the cursor (none: from the oldest kept), oldest first, at most `limit` (1-500, 100 by default).")
            .IsExchangeService(ExchangeServices.Feed)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status410Gone);
        return routes;
    }

    private static async Task<Results<Ok<FeedPage>, ValidationProblem, ProblemHttpResult>> ReadAsync(
        string? after, int? limit, ExchangeDbContext db, IOptions<ExchangeOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!FeedCursor.TryParse(after, out var cursor))
        {
            errors["after"] = ["A cursor from an earlier page's `next` (or none, from the start). 游标须取自上一页的 next。"];
        }

        var size = limit ?? 100;
        if (size is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"From 1 to {MaxLimit}. 每页 1 至 {MaxLimit} 条。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var horizon = await db.FeedHorizon.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (after is not null && horizon is not null && cursor < horizon.Cursor)
        {
            return Problems.Of(StatusCodes.Status410Gone,
                $"Events after this cursor were pruned (kept {Retention(options.Value)}); read again from the start. 该游标之后的部分事件已过保留期，请从头读取。", "after");
        }

        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT tx::text AS "Tx", sequence AS "Sequence", id AS "Id", type AS "Type", source AS "Source", subject AS "Subject", time AS "Time", data AS "Data"
            FROM feed_events
            WHERE (tx, sequence) > ({cursor.Tx.ToString(System.Globalization.CultureInfo.InvariantCulture)}::xid8, {cursor.Sequence})
              AND tx < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx, sequence
            LIMIT {size + 1}
            """).ToListAsync(cancellationToken);
        var page = rows.Take(size).Select(r => new CloudEvent("1.0", r.Id.ToString(), r.Source, r.Type, r.Subject, r.Time, "application/json",
            JsonDocument.Parse(r.Data).RootElement, $"{r.Tx}-{r.Sequence}")).ToList();
        var next = page.Count > 0 ? page[^1].Cursor : cursor.ToString();
        return TypedResults.Ok(new FeedPage(page, next, rows.Count > size, Retention(options.Value), horizon?.Cursor.ToString()));
    }

    private static string Retention(ExchangeOptions options) => XmlConvert.ToString(options.Feed.Retention);
}
