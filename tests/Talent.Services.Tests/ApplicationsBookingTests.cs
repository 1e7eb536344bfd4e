extern alias applications;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using applications::Talent.Applications.Bookings;
using applications::Talent.Applications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The one-stop complex's bookings over HTTP on a real database: never two bookings of one venue at once however many
/// ask together, the checks name their fields, operators confirm or decline (the booker told through the outbox), a
/// cancellation frees the hours, and a confirmed booking is reminded once the day before.
/// </summary>
public sealed class ApplicationsBookingTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly NextWorkingDay(int after = 1)
    {
        var calendar = new WorkingCalendar(ChinaHolidays.Seed);
        var day = WorkingCalendar.Today(DateTimeOffset.UtcNow).AddDays(after);
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private async Task<string> VenueAsync()
    {
        var code = $"V{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        await using var scope = app.Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        db.Venues.Add(Venue.Of(code, "路演厅（测试）", "Roadshow hall (test)", "roadshow", 50));
        await db.SaveChangesAsync(Ct);
        return code;
    }

    private static object Book(string venue, DateOnly day, int startHour, int hours = 2, int attendees = 20) =>
        new { venueCode = venue, day, startHour, hours, attendees, purpose = "项目路演（测试）" };

    [Fact]
    public async Task Ten_people_asking_for_the_same_hours_at_once_get_one_booking_and_nine_409s_and_the_next_hours_stay_free()
    {
        var venue = await VenueAsync();
        var day = NextWorkingDay(3);
        var clients = Enumerable.Range(0, 10).Select(i => app.Applicant($"booking-race-{i}")).ToList();
        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, 10), Ct)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        Assert.All(refused, a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await ApplicationsFixture.AssertProblemAsync(refused[0], HttpStatusCode.Conflict, "startHour");

        // Overlapping by one hour: refused; back to back: fine.
        Assert.Equal(HttpStatusCode.Conflict, (await clients[1].PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, 11), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await clients[1].PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, 12), Ct)).StatusCode);
        var taken = await ApplicationsFixture.GetAsync(clients[2], $"/api/applications/complex/venues/{venue}/day/{day:yyyy-MM-dd}");
        Assert.Equal(2, taken.GetProperty("taken").GetArrayLength());
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_booking_on_a_day_off_outside_hours_over_capacity_or_without_a_purpose_is_a_400_naming_each_field_and_a_sixth_is_a_409()
    {
        var venue = await VenueAsync();
        using var person = app.Applicant("booking-checks");
        var saturday = WorkingCalendar.Today(DateTimeOffset.UtcNow).AddDays(7);
        while (saturday.DayOfWeek != DayOfWeek.Saturday)
        {
            saturday = saturday.AddDays(1);
        }

        var bad = await person.PostAsJsonAsync("/api/applications/complex/bookings", new { venueCode = venue, day = saturday, startHour = 17, hours = 3, attendees = 51, purpose = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["attendees", "day", "purpose", "startHour"], fields);
        await ApplicationsFixture.AssertProblemAsync(await person.PostAsJsonAsync("/api/applications/complex/bookings", Book("NO-SUCH", NextWorkingDay(), 10), Ct), HttpStatusCode.BadRequest, "venueCode");

        var day = NextWorkingDay(5);
        for (var hour = 9; hour < 14; hour++)
        {
            Assert.Equal(HttpStatusCode.Created, (await person.PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, hour, hours: 1), Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await person.PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, 15, hours: 1), Ct)).StatusCode);
        Assert.Equal(5, (await ApplicationsFixture.GetAsync(person, "/api/applications/complex/bookings/mine")).GetArrayLength());
    }

    [Fact]
    public async Task An_operator_confirms_or_declines_with_a_reason_a_cancellation_frees_the_hours_and_a_confirmed_booking_is_reminded_once()
    {
        var venue = await VenueAsync();
        var day = NextWorkingDay(2);
        using var booker = app.Applicant("booking-booker");
        using var operators = app.Host.ClientAs(TestTokens.Operator("applications", "booking-operator"));
        var first = (await ApplicationsFixture.JsonAsync(await booker.PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, 9), Ct))).GetProperty("id").GetString();
        var second = (await ApplicationsFixture.JsonAsync(await booker.PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, 14), Ct))).GetProperty("id").GetString();

        await ApplicationsFixture.AssertProblemAsync(await operators.PostAsJsonAsync($"/api/applications/complex/bookings/{second}/decide", new { confirm = false }, Ct), HttpStatusCode.BadRequest, "note");
        Assert.Equal(HttpStatusCode.OK, (await operators.PostAsJsonAsync($"/api/applications/complex/bookings/{first}/decide", new { confirm = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operators.PostAsJsonAsync($"/api/applications/complex/bookings/{second}/decide", new { confirm = false, note = "当天下午场地检修" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await operators.PostAsJsonAsync($"/api/applications/complex/bookings/{first}/decide", new { confirm = false, note = "改主意" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await booker.PostAsJsonAsync($"/api/applications/complex/bookings/{first}/decide", new { confirm = true }, Ct)).StatusCode);

        // Someone else cannot cancel it; the booker can, and the hours are free for another.
        using var other = app.Applicant("booking-other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/applications/complex/bookings/{first}/cancel", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, 9), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await booker.PostAsync($"/api/applications/complex/bookings/{first}/cancel", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/applications/complex/bookings", Book(venue, day, 9), Ct)).StatusCode);

        // A confirmed booking within the next day: reminded once, whatever the passes.
        await using var scope = app.Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var soon = DateTimeOffset.UtcNow.AddHours(3).ToOffset(TimeSpan.FromHours(8));
        var booking = Booking.Request(await db.Venues.SingleAsync(v => v.Code == venue, Ct), "booking-booker", "张明", DateOnly.FromDateTime(soon.DateTime), soon.Hour, 1, 5, "明早路演彩排", DateTimeOffset.UtcNow);
        Assert.Null(booking.Decide("运营", true, null, DateTimeOffset.UtcNow));
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(Ct);
        var reminders = app.Host.Factory.Services.GetRequiredService<BookingReminders>();
        Assert.Equal(1, await reminders.RemindAsync(Ct));
        Assert.Equal(0, await reminders.RemindAsync(Ct));
        var sql = db.Database;
        Assert.Equal(1, (await sql.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM outbox_messages WHERE message_type LIKE '%BookingReminder%' AND body::text LIKE {"%" + booking.Id + "%"}""").ToListAsync(Ct)).Single());
        Assert.Equal(2, (await sql.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM outbox_messages WHERE message_type LIKE '%BookingDecided%' AND body::text LIKE {"%booking-booker%"}""").ToListAsync(Ct)).Single());
    }
}
