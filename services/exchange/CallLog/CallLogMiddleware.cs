using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Talent.Exchange.Access;
using Talent.Exchange.Data;

namespace Talent.Exchange.CallLog;

/// <summary>
/// Logs every authenticated call of an exchange service (refused ones too) in the hash-chained call log: between
/// authentication (the caller is known) and authorization (a 403 is logged). Appending takes a transaction-scoped
/// advisory lock, so replicas extend one chain in order.
/// </summary>
public sealed class CallLogMiddleware(RequestDelegate next, ILogger<CallLogMiddleware> logger)
{
    // pg_advisory_xact_lock key: "exchange call log".
    private const long ChainLock = 0x7461_6c65_6e74_0001;

    public async Task InvokeAsync(HttpContext context, ExchangeDbContext db, TimeProvider time)
    {
        var service = context.GetEndpoint()?.Metadata.GetMetadata<ExchangeServiceName>()?.Name;
        var caller = context.User.FindFirst("sub")?.Value;
        if (service is null || caller is null)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        var body = context.Response.Body;
        using var hashing = new HashingStream(body);
        context.Response.Body = hashing;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        context.Request.Body.Position = 0;
        var requestHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(context.Request.Body, context.RequestAborted));
        try
        {
            await AppendAsync(db, caller, service, context.Request.Method, context.Request.Path + context.Request.QueryString, context.Response.StatusCode,
                time.GetUtcNow(), requestHash, hashing.Finish(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The answer is already on its way (failing now would only cut the connection): the gap is logged, loudly.
            logger.LogError(ex, "Exchange call by {Client} to {Service} could not be written to the call log", caller, service);
        }
    }

    public static async Task AppendAsync(ExchangeDbContext db, string client, string service, string method, string path, int status, DateTimeOffset at,
        string requestSha256, string responseSha256, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        var previous = await db.CallLog.OrderByDescending(c => c.Id).Select(c => c.Hash).FirstOrDefaultAsync(cancellationToken) ?? CallRecord.Genesis;
        db.CallLog.Add(CallRecord.Of(client, service, method, path, status, at, requestSha256, responseSha256, previous));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Passes the response through and hashes what went by.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            _hash.AppendData(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _hash.AppendData(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
