namespace Talent.Exchange.Sharing;

/// <summary>
/// One ask of a source system for a shared material (免提交) and what came back: the application and material, the
/// department and the system asked, the status, the record (JSON) and its SHA-256, when. Kept as the exchange's own record
/// of what it passed on.
/// </summary>
public sealed class SharedRecordFetch
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ApplicationId { get; private set; }

    public string MaterialCode { get; private set; } = "";

    public string Department { get; private set; } = "";

    public string? Source { get; private set; }

    public string Status { get; private set; } = "";

    public string? Record { get; private set; }

    public string? Sha256 { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset At { get; private set; }

    private SharedRecordFetch()
    {
    }

    public static SharedRecordFetch Of(Guid applicationId, string materialCode, string department, SharedAnswer answer, DateTimeOffset at) => new()
    {
        ApplicationId = applicationId, MaterialCode = materialCode, Department = department, Source = answer.Source, Status = answer.Status,
        Record = answer.Record, Sha256 = answer.Sha256, Note = answer.Note, At = at,
    };
}

/// <summary>A source system's answer: <c>obtained</c> (with the record), <c>notHeld</c>, <c>noSource</c> or <c>unavailable</c>.</summary>
public sealed record SharedAnswer(string Status, string? Source, string? Record, string? Sha256, string? Note);
