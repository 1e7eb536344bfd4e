using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Talent.Feedback.Data;
using Talent.WorkingDays;

namespace Talent.Feedback.Evaluations;

/// <summary>
/// What the rating path reads on every submission but changes rarely: an item's category and stages (from the catalogue
/// copy) and the working-day calendar (from the calendar copy), kept for a minute per process.
/// </summary>
public sealed class ReferenceCache(TimeProvider time)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string? Category, IReadOnlyList<string> Stages, bool Known)> _items = new(StringComparer.Ordinal);
    private (DateTimeOffset At, WorkingCalendar? Calendar) _calendar;

    public async Task<(string? Category, IReadOnlyList<string> Stages)?> ItemAsync(FeedbackDbContext db, string code, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!_items.TryGetValue(code, out var cached) || now - cached.At > KeepFor)
        {
            var item = await db.CatalogueItems.AsNoTracking().Where(i => i.Code == code).Select(i => new { i.Category, i.Stages }).SingleOrDefaultAsync(ct);
            cached = (now, item?.Category, item?.Stages ?? [], item is not null);
            if (_items.Count < 100_000)
            {
                _items[code] = cached;
            }
        }

        return cached.Known ? (cached.Category, cached.Stages) : null;
    }

    public async Task<WorkingCalendar> CalendarAsync(FeedbackDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cached = _calendar;
        if (cached.Calendar is null || now - cached.At > KeepFor)
        {
            cached = (now, await ReadModels.CalendarCopy.CalendarAsync(db, ct));
            _calendar = cached;
        }

        return cached.Calendar!;
    }
}
