using System.Globalization;

namespace Talent.Exchange.Feed;

/// <summary>
/// A position in the feed: the writing transaction's id and the row's sequence, as "tx-sequence". Opaque to clients;
/// ordered as the feed is read.
/// </summary>
public readonly record struct FeedCursor(ulong Tx, long Sequence) : IComparable<FeedCursor>
{
    public static readonly FeedCursor Start = new(0, 0);

    public override string ToString() => $"{Tx.ToString(CultureInfo.InvariantCulture)}-{Sequence.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out FeedCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var parts = text.Split('-');
        if (parts.Length == 2
            && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var tx)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            cursor = new FeedCursor(tx, sequence);
            return true;
        }

        return false;
    }

    public int CompareTo(FeedCursor other) => Tx != other.Tx ? Tx.CompareTo(other.Tx) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(FeedCursor left, FeedCursor right) => left.CompareTo(right) < 0;

    public static bool operator >(FeedCursor left, FeedCursor right) => left.CompareTo(right) > 0;

    public static bool operator <=(FeedCursor left, FeedCursor right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FeedCursor left, FeedCursor right) => left.CompareTo(right) >= 0;
}

/// <summary>How far the feed was pruned: a cursor before this has lost events (410, read again from the start).</summary>
public sealed class FeedHorizon
{
    public int Id { get; private set; } = 1;

    public string Tx { get; set; } = "0";

    public long Sequence { get; set; }

    public DateTimeOffset PrunedAt { get; set; }

    public FeedCursor Cursor => new(ulong.Parse(Tx, CultureInfo.InvariantCulture), Sequence);
}
