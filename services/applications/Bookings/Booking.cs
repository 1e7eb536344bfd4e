using System.Text.Json.Serialization;
using Talent.Http;
using Talent.WorkingDays;

namespace Talent.Applications.Bookings;

/// <summary>Written as requested, confirmed, declined, cancelled in JSON; as Requested… in the database.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BookingState>))]
public enum BookingState
{
    [JsonStringEnumMemberName("requested")]
    Requested,
    [JsonStringEnumMemberName("confirmed")]
    Confirmed,
    [JsonStringEnumMemberName("declined")]
    Declined,
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}

/// <summary>
/// A booking of a venue of the one-stop complex for a roadshow, an exhibition, a sand-table briefing or a meeting: asked
/// for by a talent or an enterprise, confirmed or declined by the complex's operators, cancelled by the booker before it
/// starts; reminded the day before. Two bookings of one venue that are not declined or cancelled never overlap (the
/// database's exclusion constraint holds under concurrency). Pure.
/// </summary>
public sealed class Booking
{
    public const int PurposeMaxLength = 200;
    public const int NoteMaxLength = 500;
    public const int MaxHours = 4;
    public const int MaxDaysAhead = 60;

    /// <summary>Bookings a person may hold at once (requested or confirmed, not yet ended).</summary>
    public const int MaxActivePerPerson = 5;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string VenueCode { get; private set; } = "";

    public string BookerId { get; private set; } = "";

    public string BookerName { get; private set; } = "";

    public string Purpose { get; private set; } = "";

    public int Attendees { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public BookingState State { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    private Booking()
    {
    }

    /// <summary>What is wrong with a request for a venue on a day from an hour for some hours (field-named, both languages).</summary>
    public static Dictionary<string, string[]> Check(Venue? venue, DateOnly? day, int? startHour, int? hours, int? attendees, string? purpose, WorkingCalendar calendar, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (venue is not { Open: true })
        {
            errors["venueCode"] = ["A venue of the complex. 请选择综合体的场地。"];
        }

        var today = WorkingCalendar.Today(now);
        if (day is not { } d || d <= today || d > today.AddDays(MaxDaysAhead) || !calendar.IsWorkingDay(d))
        {
            errors["day"] = [$"A working day from tomorrow to {MaxDaysAhead} days ahead. 请选择明天起 {MaxDaysAhead} 天内的工作日。"];
        }

        if (hours is not (>= 1 and <= MaxHours))
        {
            errors["hours"] = [$"1 to {MaxHours} hours. 时长为 1 至 {MaxHours} 小时。"];
        }

        if (venue is not null && (startHour is not { } start || start < venue.OpensAt || start + (hours ?? 1) > venue.ClosesAt))
        {
            errors["startHour"] = [$"Within opening hours, {venue.OpensAt}:00 to {venue.ClosesAt}:00. 须在开放时间 {venue.OpensAt}:00 至 {venue.ClosesAt}:00 内。"];
        }

        if (attendees is not { } people || people < 1 || (venue is not null && people > venue.Capacity))
        {
            errors["attendees"] = [$"1 to {venue?.Capacity ?? 1} people, the venue's capacity. 人数为 1 至 {venue?.Capacity ?? 1}（场地容量）。"];
        }

        if (string.IsNullOrWhiteSpace(purpose) || purpose.Length > PurposeMaxLength || purpose.Contains('\0', StringComparison.Ordinal))
        {
            errors["purpose"] = [$"What it is for, 1 to {PurposeMaxLength} characters. 请填写用途（1 至 {PurposeMaxLength} 字）。"];
        }

        return errors;
    }

    public static Booking Request(Venue venue, string bookerId, string bookerName, DateOnly day, int startHour, int hours, int attendees, string purpose, DateTimeOffset now)
    {
        var zone = TimeSpan.FromHours(8);
        // Stored in UTC (PostgreSQL's timestamptz takes no other offset); the zone's hour is what the person chose.
        var starts = new DateTimeOffset(day.ToDateTime(new TimeOnly(startHour, 0)), zone).ToUniversalTime();
        return new Booking
        {
            VenueCode = venue.Code,
            BookerId = bookerId,
            BookerName = bookerName.Length > 200 ? bookerName[..200] : bookerName,
            Purpose = purpose.Trim(),
            Attendees = attendees,
            StartsAt = starts,
            EndsAt = starts.AddHours(hours),
            State = BookingState.Requested,
            CreatedAt = now,
        };
    }

    /// <summary>An operator confirms or declines a requested booking, with a note (required to decline).</summary>
    public Refusal? Decide(string operatorName, bool confirm, string? note, DateTimeOffset now)
    {
        if (State != BookingState.Requested)
        {
            return Refusal.Conflict($"The booking is {State.ToString().ToLowerInvariant()} already. 该预约已处理。");
        }

        if (StartsAt <= now)
        {
            return Refusal.Conflict("The booking's time has passed. 预约时间已过。");
        }

        (State, DecidedBy, DecidedAt, Note) = (confirm ? BookingState.Confirmed : BookingState.Declined, operatorName, now, note);
        return null;
    }

    /// <summary>The booker cancels before it starts; the slot is free again.</summary>
    public Refusal? Cancel(string subject, DateTimeOffset now)
    {
        if (subject != BookerId)
        {
            return Refusal.NotFound("Not found.");
        }

        if (State is BookingState.Cancelled or BookingState.Declined)
        {
            return Refusal.Conflict("The booking is no longer held. 该预约已取消或未获确认。");
        }

        if (StartsAt <= now)
        {
            return Refusal.Conflict("It has started; it can no longer be cancelled. 预约已开始，不能取消。");
        }

        State = BookingState.Cancelled;
        return null;
    }

    /// <summary>A confirmed booking starting within a day is reminded once.</summary>
    public bool Remind(DateTimeOffset now)
    {
        if (State != BookingState.Confirmed || RemindedAt is not null || StartsAt <= now || StartsAt > now.AddDays(1))
        {
            return false;
        }

        RemindedAt = now;
        return true;
    }
}
