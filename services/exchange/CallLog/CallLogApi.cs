using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Exchange.Data;
using Talent.Http;

namespace Talent.Exchange.CallLog;

/// <summary>Operators read the call log and verify its hash chain.</summary>
public static class CallLogApi
{
    public sealed record CallView(long Id, string ClientId, string Service, string Method, string Path, int Status, DateTimeOffset At, string RequestSha256, string ResponseSha256, string Hash);

    /// <summary>The chain's verification: how many rows were checked, and the first that does not hold (null: intact).</summary>
    public sealed record Verification(long Checked, bool Intact, long? FirstBrokenId, string? Reason, string? LastHash);

    public static IEndpointRouteBuilder MapCallLogApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/exchange/v1/admin/calls").RequireAuthorization(ExchangePolicies.Operator).WithTags("Call log");
        admin.MapGet("", ListAsync).WithName("ExchangeCalls")
            .WithSummary("The call log, newest first, optionally of one client.")
            .ProducesValidationProblem();
        admin.MapGet("/verification", VerifyAsync).WithName("VerifyExchangeCalls")
            .WithSummary("Recomputes the hash chain from the first row: intact, or the first row changed, removed or inserted.");
        return routes;
    }

    private static async Task<Results<Ok<Paged<CallView>>, ValidationProblem>> ListAsync([AsParameters] PageQuery paging, string? clientId, ExchangeDbContext db, CancellationToken cancellationToken)
    {
        if (!paging.TryResolve(out var page, out var invalid))
        {
            return invalid;
        }

        var query = db.CallLog.AsNoTracking().Where(c => clientId == null || c.ClientId == clientId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.Id).Skip(page.Skip).Take(page.Size)
            .Select(c => new CallView(c.Id, c.ClientId, c.Service, c.Method, c.Path, c.Status, c.At, c.RequestSha256, c.ResponseSha256, c.Hash))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of<CallView>(items, total));
    }

    private static async Task<Ok<Verification>> VerifyAsync(ExchangeDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VerifyChainAsync(db, cancellationToken));

    /// <summary>Walks the chain in order: each row must name the previous row's hash and hash to what it says.</summary>
    public static async Task<Verification> VerifyChainAsync(ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var previous = CallRecord.Genesis;
        long count = 0;
        await foreach (var row in db.CallLog.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (row.PreviousHash != previous)
            {
                return new Verification(count, false, row.Id, "The row does not follow the one before it (a row was removed or inserted). 链断裂：前一行被删除或插入。", null);
            }

            if (row.ComputeHash() != row.Hash)
            {
                return new Verification(count, false, row.Id, "The row's content does not match its hash (it was changed). 该行内容与哈希不符（被篡改）。", null);
            }

            previous = row.Hash;
        }

        return new Verification(count, true, null, null, count == 0 ? null : previous);
    }
}
