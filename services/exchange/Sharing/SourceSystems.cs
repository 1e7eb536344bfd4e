namespace Talent.Exchange.Sharing;

/// <summary>
/// The source systems registered for data sharing (免提交), by department code (<c>Exchange:Sources:{department}</c>):
/// where the department's records are asked for, with which key, under which name. A department without one answers
/// <c>noSource</c>, and staff ask the applicant for the material.
/// </summary>
public sealed class SourceSystem
{
    /// <summary>The system's name as staff see it, e.g. 市市场监管局数据平台 (demo).</summary>
    public string Name { get; set; } = "";

    /// <summary>Base address; a record is <c>GET {Url}/records/{materialCode}?subject={personId}</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>Sent as a bearer token; the source system checks it.</summary>
    public string ApiKey { get; set; } = "";
}

public sealed class SharingOptions
{
    public Dictionary<string, SourceSystem> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest record kept (bytes of JSON); a larger answer is <c>unavailable</c>.</summary>
    public int MaxRecordBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How many asks of a batch of submissions are out at once (across the source systems). The exchange takes the
    /// requests in batches of up to 100 submissions, and a batch is answered once its slowest ask is: a source that does
    /// not answer holds the batch for its resilience timeout (30 s) per round of asks. This keeps a source system from
    /// being asked hundreds of times at once while letting a batch's asks go out in a few rounds.
    /// </summary>
    public int MaxConcurrentAsks { get; set; } = 64;
}
