using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Talent.Exchange.CallLog;

/// <summary>
/// One call of the exchange API (X-Road's message log): who called which service, when, with what status, and the
/// SHA-256 of the request and response bodies. Rows form a hash chain: each row's <see cref="Hash"/> covers its fields
/// and the previous row's hash, so a changed, removed or inserted row breaks every link after it.
/// </summary>
public sealed class CallRecord
{
    public const int PathLength = 400;

    public long Id { get; private set; }

    public string ClientId { get; private set; } = "";

    public string Service { get; private set; } = "";

    public string Method { get; private set; } = "";

    public string Path { get; private set; } = "";

    public int Status { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string RequestSha256 { get; private set; } = "";

    public string ResponseSha256 { get; private set; } = "";

    public string PreviousHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    private CallRecord()
    {
    }

    /// <summary>The hash the chain starts from (no row before the first).</summary>
    public static readonly string Genesis = new('0', 64);

    public static CallRecord Of(string clientId, string service, string method, string path, int status, DateTimeOffset at, string requestSha256, string responseSha256, string previousHash)
    {
        var record = new CallRecord
        {
            ClientId = clientId,
            Service = service,
            Method = method,
            Path = path.Length > PathLength ? path[..PathLength] : path,
            Status = status,
            // PostgreSQL keeps microseconds: the hash covers what is stored, so it is computed from the same value.
            At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero),
            RequestSha256 = requestSha256,
            ResponseSha256 = responseSha256,
            PreviousHash = previousHash,
        };
        record.Hash = record.ComputeHash();
        return record;
    }

    /// <summary>SHA-256 over the previous hash and every field, in a fixed order and format.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\n',
            PreviousHash, ClientId, Service, Method, Path, Status.ToString(CultureInfo.InvariantCulture),
            At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), RequestSha256, ResponseSha256);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
