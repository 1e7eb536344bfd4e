using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talent.Portal.Apis;

/// <summary>
/// The applications API through the gateway, on the signed-in person's behalf: their drafts and cases, the form's
/// answers, materials (uploads and wallet reuse), submission with an Idempotency-Key, withdrawal, the working-day
/// calendar; for staff (the console), the department's inbox and the case's transitions. The JSON it answers is in
/// ApplicationsModels.cs.
/// </summary>
public sealed class ApplicationsApi(HttpClient http)
{
    private const string Prefix = "/api/applications";

    public HttpClient Http => http;

    public Task<ApiResult<CaseList>> MineAsync(string? state, int page, int pageSize, CancellationToken ct) =>
        GetAsync<CaseList>(QueryString.Of($"{Prefix}/mine", ("pageSize", Number(pageSize)), ("state", state), ("page", page > 1 ? Number(page) : null)), ct);

    public Task<ApiResult<CaseView>> CaseAsync(Guid id, CancellationToken ct) => GetAsync<CaseView>($"{Prefix}/{id}", ct);

    public Task<ApiResult<List<CaseHistoryEntry>>> HistoryAsync(Guid id, CancellationToken ct) => GetAsync<List<CaseHistoryEntry>>($"{Prefix}/{id}/history", ct);

    public Task<ApiResult<List<WalletFile>>> WalletAsync(CancellationToken ct) => GetAsync<List<WalletFile>>($"{Prefix}/wallet", ct);

    /// <summary>A year's holidays and make-up working days (404 when the year is not entered: count weekdays only).</summary>
    public Task<ApiResult<CalendarYearView>> CalendarAsync(int year, CancellationToken ct) =>
        GetAsync<CalendarYearView>($"{Prefix}/calendar/{year.ToString(CultureInfo.InvariantCulture)}", ct);

    /// <summary>
    /// Operators: replaces a year's holidays and make-up working days if it is still at <paramref name="revision"/> (0 for a
    /// year not yet entered; 412 naming <c>If-Match</c> when somebody saved first; errors under <c>holidays</c>,
    /// <c>makeUpWorkdays</c>, <c>source</c>).
    /// </summary>
    public async Task<ApiResult<CalendarYearView>> SaveCalendarAsync(int year, List<DateOnly> holidays, List<DateOnly> makeUpWorkdays, string? source, bool provisional, int revision, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Prefix}/calendar/{year.ToString(CultureInfo.InvariantCulture)}")
        {
            Content = JsonContent.Create(new { holidays, makeUpWorkdays, source, provisional }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"");
        using var response = await http.SendAsync(request, ct);
        return await ApiResult<CalendarYearView>.ReadAsync(response, ct);
    }

    public Task<ApiResult<CaseView>> CreateAsync(string itemCode, CancellationToken ct) => PostAsync<CaseView>(Prefix, new { itemCode, channel = "online" }, ct);

    /// <summary>Replaces the form's answers (errors under <c>form.{code}</c>).</summary>
    public async Task<ApiResult<CaseView>> SaveAnswersAsync(Guid id, Dictionary<string, JsonElement> answers, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync($"{Prefix}/{id}", new { answers }, Json.Options, ct);
        return await ApiResult<CaseView>.ReadAsync(response, ct);
    }

    /// <summary>Uploads a file for a material (errors under <c>file</c>: 413 too large, 415 not PDF, PNG, JPEG or OFD).</summary>
    public async Task<ApiResult<CaseView>> AttachFileAsync(Guid id, string materialCode, Stream content, string fileName, string? contentType, CancellationToken ct)
    {
        using var file = new StreamContent(content);
        if (MediaTypeHeaderValue.TryParse(contentType, out var type))
        {
            file.Headers.ContentType = type;
        }

        using var form = new MultipartFormDataContent { { new StringContent(materialCode), "materialCode" }, { file, "file", fileName } };
        using var response = await http.PostAsync($"{Prefix}/{id}/materials", form, ct);
        return await ApiResult<CaseView>.ReadAsync(response, ct);
    }

    /// <summary>Reuses a still-valid material from the wallet (error under <c>walletFileId</c>).</summary>
    public Task<ApiResult<CaseView>> AttachFromWalletAsync(Guid id, string materialCode, Guid walletFileId, CancellationToken ct) =>
        PostAsync<CaseView>($"{Prefix}/{id}/materials", new { materialCode, walletFileId }, ct);

    /// <summary>Submits (or resubmits after a return for supplement); the same key again answers the same.</summary>
    public async Task<ApiResult<CaseView>> SubmitAsync(Guid id, string idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/{id}/submit");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, ct);
        return await ApiResult<CaseView>.ReadAsync(response, ct);
    }

    public Task<ApiResult<CaseView>> WithdrawAsync(Guid id, string? reason, CancellationToken ct) => PostAsync<CaseView>($"{Prefix}/{id}/withdraw", new { reason }, ct);

    // Staff (the console): the department's inbox, and the transitions the case's state allows.

    /// <summary>Cases awaiting the caller's department, by deadline; <paramref name="status"/> onTrack, dueSoon or overdue.</summary>
    public Task<ApiResult<CaseList>> InboxAsync(string? status, string? item, int page, int pageSize, CancellationToken ct) =>
        GetAsync<CaseList>(QueryString.Of($"{Prefix}/inbox", ("pageSize", Number(pageSize)), ("status", status), ("item", item), ("page", page > 1 ? Number(page) : null)), ct);

    public Task<ApiResult<InboxCounts>> InboxCountsAsync(CancellationToken ct) => GetAsync<InboxCounts>($"{Prefix}/inbox/counts", ct);

    /// <summary>Staff: applicants by name or account (<paramref name="q"/>, two characters at least), or staff of a department.</summary>
    public Task<ApiResult<PeoplePage>> PeopleAsync(string role, string? q, string? department, int pageSize, CancellationToken ct) =>
        GetAsync<PeoplePage>(QueryString.Of($"{Prefix}/people", ("role", role), ("q", q), ("department", department), ("pageSize", Number(pageSize))), ct);

    /// <summary>Staff filing at the service window for a walk-in applicant: a draft the filer owns.</summary>
    public Task<ApiResult<CaseView>> FileAtWindowAsync(string itemCode, string applicantId, CancellationToken ct) =>
        PostAsync<CaseView>(Prefix, new { itemCode, applicantId, channel = "window" }, ct);

    public Task<ApiResult<CaseView>> AcceptAsync(Guid id, CancellationToken ct) => PostAsync<CaseView>($"{Prefix}/{id}/accept", null, ct);

    /// <summary>Not accepted (不予受理), with the reason (error under <c>reason</c>).</summary>
    public Task<ApiResult<CaseView>> RefuseAsync(Guid id, string? reason, CancellationToken ct) => PostAsync<CaseView>($"{Prefix}/{id}/refuse", new { reason }, ct);

    /// <summary>Returned for supplement (补正), with what to supplement (error under <c>note</c>).</summary>
    public Task<ApiResult<CaseView>> ReturnAsync(Guid id, string? note, CancellationToken ct) => PostAsync<CaseView>($"{Prefix}/{id}/return", new { note }, ct);

    public Task<ApiResult<CaseView>> CompleteStepAsync(Guid id, int step, CancellationToken ct) =>
        PostAsync<CaseView>($"{Prefix}/{id}/steps/{step.ToString(CultureInfo.InvariantCulture)}/complete", null, ct);

    /// <summary>Approves or denies (errors under <c>approved</c>, <c>decision</c>, <c>reasons</c>).</summary>
    public Task<ApiResult<CaseView>> DecideAsync(Guid id, bool? approved, string? decision, string? reasons, CancellationToken ct) =>
        PostAsync<CaseView>($"{Prefix}/{id}/decide", new { approved, decision, reasons }, ct);

    /// <summary>Hands the case to a staff member of a department in it, with the reason (errors under <c>toStaffId</c>, <c>reason</c>).</summary>
    public Task<ApiResult<CaseView>> HandoverAsync(Guid id, string? toStaffId, string? reason, CancellationToken ct) =>
        PostAsync<CaseView>($"{Prefix}/{id}/handover", new { toStaffId, reason }, ct);

    /// <summary>Staff: the department's enquiries (咨询) and those they own or received; applicants: their own. Unanswered first, at most 200.</summary>
    public Task<ApiResult<List<CaseEnquiry>>> EnquiriesAsync(CancellationToken ct) => GetAsync<List<CaseEnquiry>>($"{Prefix}/enquiries", ct);

    /// <summary>The answer (error under <c>answer</c>); the first to answer owns the enquiry, and its case when nobody does.</summary>
    public Task<ApiResult<CaseEnquiry>> AnswerEnquiryAsync(Guid id, string? answer, CancellationToken ct) =>
        PostAsync<CaseEnquiry>($"{Prefix}/enquiries/{id}/answer", new { answer }, ct);

    /// <summary>The owner hands the enquiry over to a named staff member of any department (errors under <c>toStaffId</c>, <c>note</c>).</summary>
    public Task<ApiResult<CaseEnquiry>> HandOverEnquiryAsync(Guid id, string? toStaffId, string? note, CancellationToken ct) =>
        PostAsync<CaseEnquiry>($"{Prefix}/enquiries/{id}/hand-over", new { toStaffId, note }, ct);

    /// <summary>Staff record a question an applicant asked them in person (<c>window</c>) or by telephone (<c>phone</c>); they own it.</summary>
    public Task<ApiResult<CaseEnquiry>> ReceiveEnquiryAsync(string applicantId, string? channel, string? itemCode, string? question, CancellationToken ct) =>
        PostAsync<CaseEnquiry>($"{Prefix}/enquiries/received", new { applicantId, channel, itemCode, question }, ct);

    /// <summary>An applicant asks about an item (errors under <c>itemCode</c>, <c>question</c>).</summary>
    public Task<ApiResult<CaseEnquiry>> AskEnquiryAsync(string? itemCode, string? question, CancellationToken ct) =>
        PostAsync<CaseEnquiry>($"{Prefix}/enquiries", new { itemCode, question }, ct);

    /// <summary>A material's file as the API answers it (the caller streams and disposes it); 404 when not the caller's to see.</summary>
    public Task<HttpResponseMessage> MaterialAsync(Guid id, Guid fileId, CancellationToken ct) =>
        http.GetAsync($"{Prefix}/{id}/materials/{fileId}", HttpCompletionOption.ResponseHeadersRead, ct);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The one-stop complex's venues.</summary>
    public Task<ApiResult<List<ComplexVenue>>> VenuesAsync(CancellationToken ct) => GetAsync<List<ComplexVenue>>($"{Prefix}/complex/venues", ct);

    /// <summary>A venue's taken hours on a day.</summary>
    public Task<ApiResult<VenueDay>> VenueDayAsync(string code, DateOnly day, CancellationToken ct) =>
        GetAsync<VenueDay>($"{Prefix}/complex/venues/{Uri.EscapeDataString(code)}/day/{day:yyyy-MM-dd}", ct);

    /// <summary>Asks for a venue (errors under <c>venueCode</c>, <c>day</c>, <c>startHour</c>, <c>hours</c>, <c>attendees</c>, <c>purpose</c>; 409 when taken).</summary>
    public Task<ApiResult<ComplexBooking>> BookAsync(string? venueCode, DateOnly? day, int? startHour, int? hours, int? attendees, string? purpose, CancellationToken ct) =>
        PostAsync<ComplexBooking>($"{Prefix}/complex/bookings", new { venueCode, day, startHour, hours, attendees, purpose }, ct);

    public Task<ApiResult<List<ComplexBooking>>> MyBookingsAsync(CancellationToken ct) => GetAsync<List<ComplexBooking>>($"{Prefix}/complex/bookings/mine", ct);

    public Task<ApiResult<ComplexBooking>> CancelBookingAsync(Guid id, CancellationToken ct) => PostAsync<ComplexBooking>($"{Prefix}/complex/bookings/{id}/cancel", null, ct);

    /// <summary>Operators: bookings waiting for a decision first.</summary>
    public Task<ApiResult<List<ComplexBooking>>> BookingsAsync(string? state, CancellationToken ct) =>
        GetAsync<List<ComplexBooking>>(QueryString.Of($"{Prefix}/complex/bookings", ("state", state)), ct);

    /// <summary>Operators confirm or decline (errors under <c>confirm</c>, <c>note</c>).</summary>
    public Task<ApiResult<ComplexBooking>> DecideBookingAsync(Guid id, bool? confirm, string? note, CancellationToken ct) =>
        PostAsync<ComplexBooking>($"{Prefix}/complex/bookings/{id}/decide", new { confirm, note }, ct);

    private async Task<ApiResult<T>> PostAsync<T>(string uri, object? body, CancellationToken ct)
    {
        using var response = body is null ? await http.PostAsync(uri, null, ct) : await http.PostAsJsonAsync(uri, body, Json.Options, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> GetAsync<T>(string uri, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }
}
