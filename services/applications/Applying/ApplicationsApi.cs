using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Contracts.Applications;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Outbox;

namespace Talent.Applications.Applying;

public sealed class ApplicationsOptions
{
    /// <summary>Working days to accept (受理) after submission, by default and per item code.</summary>
    public int AcceptanceDays { get; set; } = 1;

    public Dictionary<string, int> AcceptanceDaysByItem { get; set; } = [];

    /// <summary>Alert this many working days before a deadline.</summary>
    public int DueSoonDays { get; set; } = 1;

    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>How long an accepted material stays in the wallet.</summary>
    public int WalletValidYears { get; set; } = 1;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int AcceptanceDaysFor(string item) => AcceptanceDaysByItem.TryGetValue(item, out var days) ? days : AcceptanceDays;
}

/// <summary>
/// Applying online and handling cases: applicants see only their own applications (another's is 404), staff the cases
/// with a step of their department, operators all. Refusals: 403 (not yours to do), 409 (not in this state, with the
/// state and the allowed actions), 400 (field-named errors), 412 (If-Match).
/// </summary>
public static class ApplicationsApi
{
    public const string UserPolicy = "applications-user";
    public const string StaffPolicy = "applications-staff";
    public const int MaxPageSize = 100;

    public sealed record CreateRequest(string? ItemCode, string? Channel, string? ApplicantId, string? ApplicantName);

    public sealed record AnswersRequest(Dictionary<string, JsonElement>? Answers);

    public sealed record WalletRequest(string? MaterialCode, Guid? WalletFileId);

    public sealed record NoteRequest(string? Reason, string? Note);

    public sealed record DecideRequest(bool? Approved, string? Decision, string? Reasons);

    public sealed record HandoverRequest(string? ToStaffId, string? ToStaffName, string? ToDepartment, string? Reason);

    public sealed record OwnerView(string Id, string? Name, string? Contact);

    public sealed record ApplicationView(
        Guid Id, string? Reference, string State, string ItemCode, int ItemVersion, string ItemTitleZh, string LeadDepartment, string Channel,
        string ApplicantId, string ApplicantName, Dictionary<string, JsonElement> Answers, IReadOnlyList<AttachedMaterial> Materials, IReadOnlyList<StepProgress> Steps,
        OwnerView? Owner, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateOnly? AcceptanceDeadline, DateOnly? DecisionDeadline, DateOnly? DueOn, string? DueStatus,
        string? Decision, string? DecisionReasons, int InPersonVisits, IReadOnlyList<string> AllowedActions);

    public sealed record Summary(Guid Id, string? Reference, string State, string ItemCode, string ItemTitleZh, string ApplicantName, string? AwaitingDepartment, DateOnly? DueOn, string? DueStatus, OwnerView? Owner, DateTimeOffset? SubmittedAt);

    public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(UserPolicy);
        api.MapPost("/", CreateAsync).WithName("CreateApplication").WithSummary("A draft for a published item (applicants; staff filing at a window name the applicant).");
        api.MapGet("/mine", MineAsync).WithName("MyApplications");
        api.MapGet("/inbox", InboxAsync).RequireAuthorization(StaffPolicy).WithName("StaffInbox").WithSummary("Cases awaiting the caller's department, by deadline.");
        api.MapGet("/wallet", WalletAsync).WithName("MaterialWallet").WithSummary("Materials accepted in earlier applications and still valid.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetApplication");
        api.MapGet("/{id:guid}/history", HistoryAsync).WithName("ApplicationHistory");
        api.MapPut("/{id:guid}", AnswersAsync).WithName("SaveAnswers");
        api.MapPost("/{id:guid}/materials", AttachAsync).DisableAntiforgery().WithName("AttachMaterial")
            .WithSummary("multipart/form-data (materialCode, file: PDF, PNG, JPEG or OFD, checked by content) or JSON { materialCode, walletFileId }.");
        api.MapGet("/{id:guid}/materials/{fileId:guid}", DownloadAsync).WithName("DownloadMaterial");
        api.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitApplication").WithSummary("Idempotency-Key: the same key twice gives one submission and the same answer.");
        api.MapPost("/{id:guid}/accept", (Guid id, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct) =>
            TransitionAsync(id, user, db, calendar, options.Value, time, (a, actor, now) => a.Accept(actor, calendar.Current, now), Accepted, ct)).WithName("AcceptApplication");
        api.MapPost("/{id:guid}/refuse", (Guid id, NoteRequest request, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct) =>
            Required(request.Reason, "reason") is { } invalid ? Task.FromResult(invalid) : TransitionAsync(id, user, db, calendar, options.Value, time, (a, actor, now) => a.Refuse(actor, request.Reason!, now), null, ct)).WithName("RefuseApplication");
        api.MapPost("/{id:guid}/return", (Guid id, NoteRequest request, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct) =>
            Required(request.Note, "note") is { } invalid ? Task.FromResult(invalid) : TransitionAsync(id, user, db, calendar, options.Value, time, (a, actor, now) => a.ReturnForSupplement(actor, request.Note!, now), Returned(request.Note!), ct)).WithName("ReturnApplication");
        api.MapPost("/{id:guid}/steps/{step:int}/complete", (Guid id, int step, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct) =>
            TransitionAsync(id, user, db, calendar, options.Value, time, (a, actor, now) => a.CompleteStep(step, actor, calendar.Current, now), null, ct)).WithName("CompleteStep");
        api.MapPost("/{id:guid}/decide", DecideAsync).WithName("DecideApplication");
        api.MapPost("/{id:guid}/withdraw", (Guid id, NoteRequest request, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct) =>
            TransitionAsync(id, user, db, calendar, options.Value, time, (a, actor, now) => a.Withdraw(actor, request.Reason, now), Withdrawn, ct)).WithName("WithdrawApplication");
        api.MapPost("/{id:guid}/handover", HandoverAsync).WithName("HandOverApplication");
        api.MapPost("/{id:guid}/visits", (Guid id, NoteRequest request, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct) =>
            TransitionAsync(id, user, db, calendar, options.Value, time, (a, actor, now) => a.RecordVisit(actor, request.Note, now), null, ct))
            .RequireAuthorization(StaffPolicy).WithName("RecordVisit").WithSummary("The applicant came in person (跑动): counted per application; the target is zero.");
        api.MapGet("/figures", FiguresAsync).RequireAuthorization(CalendarApi.OperatorPolicy).WithName("ApplicationFigures")
            .WithSummary("Per department and per item: counts by state, on-time rate, average working days to decision, zero-visit rate.");
        return routes;
    }

    private static async Task<IResult> CreateAsync(CreateRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = ActorOf(user);
        var errors = new Dictionary<string, string[]>();
        if (!actor.IsApplicant && !actor.IsStaff)
        {
            return Problem(StatusCodes.Status403Forbidden, "Applicants apply; staff file at a service window on an applicant's behalf. 仅申请人或窗口工作人员可以创建申请。");
        }

        var channel = actor.IsStaff ? "window" : (request.Channel ?? "online");
        if (actor.IsApplicant && channel is not ("online" or "mobile"))
        {
            errors["channel"] = ["online or mobile. 渠道须为 online 或 mobile。"];
        }

        if (actor.IsStaff && (string.IsNullOrWhiteSpace(request.ApplicantId) || string.IsNullOrWhiteSpace(request.ApplicantName)))
        {
            errors["applicantId"] = ["Staff filing at a window name the applicant (applicantId, applicantName). 窗口代办须填写申请人。"];
        }

        var item = string.IsNullOrWhiteSpace(request.ItemCode) ? null : await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == request.ItemCode, ct);
        var version = item is null ? null : await db.CatalogueVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Code == item.Code && v.Version == item.Version, ct);
        if (item is null || item.Withdrawn || version?.FlowCard is null)
        {
            errors["itemCode"] = ["A published item's code (see /api/catalogue/items). 请选择已发布的事项。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (applicantId, applicantName) = actor.IsStaff ? (request.ApplicantId!.Trim(), request.ApplicantName!.Trim()) : (actor.Subject, actor.Name);
        var application = Application.Start(applicantId, applicantName, item!.Code, item.Version, item.TitleZh, version!.FlowCard!, item.LeadDepartment ?? version.LeadDepartment ?? "", channel, actor, time.GetUtcNow());
        application.ReferenceSharedMaterials(version.FlowCard!, time.GetUtcNow());
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/applications/{application.Id}", View(application, null, 1, time));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct)
    {
        var application = await VisibleAsync(id, user, db, tracking: false, ct);
        return application is null ? TypedResults.NotFound() : TypedResults.Ok(View(application, calendar, options.Value.DueSoonDays, time));
    }

    private static async Task<IResult> HistoryAsync(Guid id, ClaimsPrincipal user, ApplicationsDbContext db, CancellationToken ct)
    {
        var application = await VisibleAsync(id, user, db, tracking: false, ct);
        return application is null ? TypedResults.NotFound() : TypedResults.Ok(application.History);
    }

    private static async Task<IResult> AnswersAsync(Guid id, AnswersRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var application = await VisibleAsync(id, user, db, tracking: true, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var card = await CardAsync(db, application, ct);
        var errors = FormValidation.Validate(card.Form, request.Answers ?? [], requireComplete: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await SaveAsync(db, application, application.SaveAnswers(request.Answers ?? [], ActorOf(user), time.GetUtcNow()), null, time, ct);
    }

    private static async Task<IResult> AttachAsync(Guid id, HttpRequest http, ClaimsPrincipal user, ApplicationsDbContext db, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct)
    {
        var application = await VisibleAsync(id, user, db, tracking: true, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var actor = ActorOf(user);
        var card = await CardAsync(db, application, ct);
        var now = time.GetUtcNow();
        string? code;
        AttachedMaterial attached;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            code = form["materialCode"].ToString();
            var file = form.Files.GetFile("file");
            if (MaterialError(card, code) is { } codeError)
            {
                return codeError;
            }

            if (file is null || file.Length == 0)
            {
                return Invalid("file", "Attach a file. 请选择文件。");
            }

            if (file.Length > options.Value.MaxUploadBytes)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, $"A file is at most {options.Value.MaxUploadBytes / (1024 * 1024)} MB. 文件不超过 {options.Value.MaxUploadBytes / (1024 * 1024)} MB。", "file");
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var type = ContentSniffer.Detect(bytes.AsSpan(0, Math.Min(16, bytes.Length)));
            if (type is null)
            {
                return Problem(StatusCodes.Status415UnsupportedMediaType, "PDF, PNG, JPEG or OFD only, judged by the content, not the name. 仅支持 PDF、PNG、JPEG、OFD 格式（按文件内容判断）。", "file");
            }

            var name = card.Materials.Single(m => m.Code == code).NameZh;
            var stored = MaterialFile.Upload(application.ApplicantId, application.Id, code, name, Path.GetFileName(file.FileName), type, bytes, now);
            db.MaterialFiles.Add(stored);
            attached = new AttachedMaterial(code, AttachedMaterial.Upload, stored.Id, stored.FileName, type, stored.Size, stored.Sha256, null, now);
        }
        else
        {
            var request = await http.ReadFromJsonAsync<WalletRequest>(ct);
            code = request?.MaterialCode;
            if (MaterialError(card, code) is { } codeError)
            {
                return codeError;
            }

            var wallet = request!.WalletFileId is { } fileId ? await db.MaterialFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ApplicantId == application.ApplicantId, ct) : null;
            if (wallet is null || !wallet.InWallet(Application.Today(now)) || wallet.MaterialCode != code)
            {
                return Invalid("walletFileId", "A material of this kind from your wallet, still valid. 请选择材料库中仍在有效期内的同类材料。");
            }

            attached = new AttachedMaterial(code!, AttachedMaterial.Wallet, wallet.Id, wallet.FileName, wallet.ContentType, wallet.Size, wallet.Sha256, null, now);
        }

        return await SaveAsync(db, application, application.Attach(attached, actor), null, time, ct);
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, ClaimsPrincipal user, ApplicationsDbContext db, CancellationToken ct)
    {
        var application = await VisibleAsync(id, user, db, tracking: false, ct);
        var actor = ActorOf(user);
        // The applicant and the handling staff only; not operators.
        var handling = application is not null && (actor.Subject == application.ApplicantId || (actor.IsStaff && actor.Department is { } d && application.Departments.Contains(d)));
        if (application is null || !handling || application.Materials.All(m => m.FileId != fileId))
        {
            return TypedResults.NotFound();
        }

        var file = await db.MaterialFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<IResult> SubmitAsync(Guid id, HttpRequest http, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct)
    {
        var key = http.Headers["Idempotency-Key"].ToString();
        key = string.IsNullOrWhiteSpace(key) ? null : key.Trim();
        if (key is { Length: > 100 })
        {
            return Invalid("Idempotency-Key", "At most 100 characters. 幂等键不超过 100 个字符。");
        }

        var application = await VisibleAsync(id, user, db, tracking: true, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        if (key is not null && application.SubmitKey == key && application.State != ApplicationState.Draft)
        {
            // The same request again: the same answer, nothing new.
            return TypedResults.Ok(View(application, calendar, options.Value.DueSoonDays, time));
        }

        var card = await CardAsync(db, application, ct);
        var errors = FormValidation.Validate(card.Form, application.Answers, requireComplete: true);
        foreach (var missing in application.MissingMaterials(card))
        {
            errors[$"materials.{missing}"] = [$"{card.Materials.Single(m => m.Code == missing).NameZh} is required: upload it or reuse it from your wallet. 请上传或从材料库选用。"];
        }

        // A submission that can go through: the actor may submit and the state allows it (else Submit says why).
        var canSubmit = application.MayEdit(ActorOf(user)) && application.State is ApplicationState.Draft or ApplicationState.ReturnedForSupplement;
        if (errors.Count > 0 && canSubmit)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        // A number is taken only for a submission that can go through: a refusal never uses one up.
        var reference = application.Reference ?? (canSubmit ? await NextReferenceAsync(db, now, ct) : "");
        var refusal = application.Submit(ActorOf(user), key, () => reference, calendar.Current, options.Value.AcceptanceDaysFor(application.ItemCode), now);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        db.RecordEvent(new ApplicationSubmitted(Guid.CreateVersion7(now), now, application.Id, application.Reference!, application.ApplicantId, application.ItemCode, application.ItemVersion,
            application.LeadDepartment, application.Departments, application.Channel, application.AcceptanceDeadline!.Value));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, ct);
            return key is not null && current.SubmitKey == key
                ? TypedResults.Ok(View(current, calendar, options.Value.DueSoonDays, time))
                : Problem(StatusCodes.Status409Conflict, "The application changed while you submitted it. 申请已被修改，请刷新。", "state");
        }

        return TypedResults.Ok(View(application, calendar, options.Value.DueSoonDays, time));
    }

    private static async Task<IResult> DecideAsync(Guid id, DecideRequest request, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (request.Approved is null)
        {
            return Invalid("approved", "true to approve, false to deny. 请选择批准或不予批准。");
        }

        if (string.IsNullOrWhiteSpace(request.Decision) || request.Decision.Length > 2000 || request.Reasons is { Length: > 4000 })
        {
            return Invalid("decision", "The decision in words (at most 2,000 characters; reasons at most 4,000). 请填写决定内容。");
        }

        return await TransitionAsync(id, user, db, calendar, options.Value, time,
            (a, actor, now) => a.Decide(request.Approved.Value, request.Decision.Trim(), request.Reasons?.Trim(), actor, now),
            (a, now) =>
            {
                if (a.State == ApplicationState.Approved)
                {
                    // Materials of an approved application join the applicant's wallet.
                    var files = a.Materials.Where(m => m.Kind == AttachedMaterial.Upload && m.FileId is not null).Select(m => m.FileId!.Value).ToList();
                    foreach (var file in db.MaterialFiles.Where(f => files.Contains(f.Id)))
                    {
                        file.Accept(now, options.Value.WalletValidYears);
                    }
                }

                return new ApplicationDecided(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.ItemVersion, a.LeadDepartment, a.Departments, a.OwnerId,
                    a.State == ApplicationState.Approved, a.Decision!, a.DecidedOnTime, a.InPersonVisits);
            },
            ct);
    }

    private static async Task<IResult> HandoverAsync(Guid id, HandoverRequest request, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ToStaffId) || string.IsNullOrWhiteSpace(request.ToDepartment))
        {
            return Invalid("toStaffId", "Name the staff member (toStaffId, toStaffName, toDepartment) who takes the case over. 请填写接收人。");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            return Invalid("reason", "A reason is required (at most 2,000 characters). 移交须说明原因。");
        }

        var to = new CaseActor(request.ToStaffId.Trim(), request.ToStaffName?.Trim() ?? request.ToStaffId.Trim(), false, true, false, request.ToDepartment.Trim());
        return await TransitionAsync(id, user, db, calendar, options.Value, time, (a, actor, now) => a.HandOver(actor, to, request.Reason.Trim(), now), null, ct);
    }

    private static async Task<IResult> MineAsync(string? state, int? page, int? pageSize, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (PagingError(page, pageSize) is { } error)
        {
            return error;
        }

        ApplicationState? filter = null;
        if (state is not null)
        {
            if (!Enum.TryParse<ApplicationState>(state, ignoreCase: true, out var parsed))
            {
                return Invalid("state", $"One of: {string.Join(", ", Enum.GetNames<ApplicationState>())}. 未知的状态。");
            }

            filter = parsed;
        }

        var subject = ActorOf(user).Subject;
        var query = db.Applications.AsNoTracking().Where(a => a.ApplicantId == subject && (filter == null || a.State == filter));
        return await PagedAsync(query.OrderByDescending(a => a.CreatedAt), page, pageSize, calendar, options.Value, time, ct);
    }

    private static async Task<IResult> InboxAsync(string? status, string? item, int? page, int? pageSize, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, IOptions<ApplicationsOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (PagingError(page, pageSize) is { } error)
        {
            return error;
        }

        if (status is not (null or "onTrack" or "dueSoon" or "overdue"))
        {
            return Invalid("status", "onTrack, dueSoon or overdue. 状态须为 onTrack、dueSoon 或 overdue。");
        }

        var department = ActorOf(user).Department;
        if (department is null)
        {
            return Problem(StatusCodes.Status403Forbidden, "Staff tokens carry a department. 工作人员须属于某一部门。");
        }

        var today = Application.Today(time.GetUtcNow());
        var soon = calendar.Current.AddWorkingDays(today, options.Value.DueSoonDays);
        var query = db.Applications.AsNoTracking().Where(a => a.AwaitingDepartmentCode == department);
        query = status switch
        {
            "overdue" => query.Where(a => a.DueOn < today),
            "dueSoon" => query.Where(a => a.DueOn >= today && a.DueOn <= soon),
            "onTrack" => query.Where(a => a.DueOn == null || a.DueOn > soon),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(item))
        {
            query = query.Where(a => a.ItemCode == item);
        }

        return await PagedAsync(query.OrderBy(a => a.DueOn).ThenBy(a => a.SubmittedAt), page, pageSize, calendar, options.Value, time, ct);
    }

    private sealed record FigureRow(string LeadDepartment, string ItemCode, ApplicationState State, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, DateOnly? DecisionDeadline, int InPersonVisits);

    public sealed record Figures(string Key, int Total, IReadOnlyDictionary<string, int> ByState, int Decided, double? OnTimeRate, double? AverageWorkingDaysToDecision, double? ZeroVisitRate);

    private static async Task<IResult> FiguresAsync(DateOnly? from, DateOnly? to, ApplicationsDbContext db, CalendarProvider calendar, CancellationToken ct)
    {
        if (from is not null && to is not null && to < from)
        {
            return Invalid("to", "to is on or after from. 结束日期不得早于开始日期。");
        }

        var fromAt = from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toAt = to?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.SubmittedAt != null && (fromAt == null || a.SubmittedAt >= fromAt) && (toAt == null || a.SubmittedAt < toAt))
            .Select(a => new FigureRow(a.LeadDepartment, a.ItemCode, a.State, a.SubmittedAt, a.DecidedAt, a.DecisionDeadline, a.InPersonVisits))
            .ToListAsync(ct);
        var cal = calendar.Current;
        Figures Of(string key, IEnumerable<FigureRow> group)
        {
            var list = group.ToList();
            var decided = list.Where(a => a.DecidedAt != null).ToList();
            var finished = list.Where(a => a.State is ApplicationState.Approved or ApplicationState.Denied or ApplicationState.NotAccepted).ToList();
            return new Figures(
                key,
                list.Count,
                list.GroupBy(a => a.State.ToString()).ToDictionary(g => g.Key, g => g.Count()),
                decided.Count,
                decided.Count == 0 ? null : Math.Round(decided.Count(a => a.DecisionDeadline is { } due && Application.Today(a.DecidedAt!.Value) <= due) / (double)decided.Count, 3),
                decided.Count == 0 ? null : Math.Round(decided.Average(a => (double)cal.WorkingDaysBetween(Application.Today(a.SubmittedAt!.Value), Application.Today(a.DecidedAt!.Value))), 1),
                finished.Count == 0 ? null : Math.Round(finished.Count(a => a.InPersonVisits == 0) / (double)finished.Count, 3));
        }

        return TypedResults.Ok(new
        {
            from,
            to,
            total = rows.Count,
            byDepartment = rows.GroupBy(r => r.LeadDepartment).OrderBy(g => g.Key).Select(g => Of(g.Key, g)),
            byItem = rows.GroupBy(r => r.ItemCode).OrderBy(g => g.Key).Select(g => Of(g.Key, g)),
        });
    }

    private static async Task<IResult> WalletAsync(ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var subject = ActorOf(user).Subject;
        var today = Application.Today(time.GetUtcNow());
        var files = await db.MaterialFiles.AsNoTracking()
            .Where(f => f.ApplicantId == subject && f.AcceptedAt != null && (f.ValidUntil == null || f.ValidUntil >= today))
            .OrderByDescending(f => f.AcceptedAt)
            .Select(f => new { f.Id, f.MaterialCode, f.MaterialName, f.FileName, f.ContentType, f.Size, f.Sha256, f.AcceptedAt, f.ValidUntil })
            .ToListAsync(ct);
        return TypedResults.Ok(files);
    }

    private static Task<IResult> TransitionAsync(
        Guid id, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, ApplicationsOptions options, TimeProvider time,
        Func<Application, CaseActor, DateTimeOffset, CaseRefusal?> transition, Func<Application, DateTimeOffset, Talent.Contracts.IIntegrationEvent>? raise, CancellationToken ct) =>
        TransitionCoreAsync(id, user, db, calendar, options, time, transition, raise, ct);

    private static async Task<IResult> TransitionCoreAsync(
        Guid id, ClaimsPrincipal user, ApplicationsDbContext db, CalendarProvider calendar, ApplicationsOptions options, TimeProvider time,
        Func<Application, CaseActor, DateTimeOffset, CaseRefusal?> transition, Func<Application, DateTimeOffset, Talent.Contracts.IIntegrationEvent>? raise, CancellationToken ct)
    {
        var application = await VisibleAsync(id, user, db, tracking: true, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var refusal = transition(application, ActorOf(user), now);
        if (refusal is null && raise is not null)
        {
            db.RecordEvent(raise(application, now));
        }

        return refusal is not null ? Refused(refusal) : await SaveAsync(db, application, null, (calendar, options.DueSoonDays), time, ct);
    }

    private static async Task<IResult> SaveAsync(ApplicationsDbContext db, Application application, CaseRefusal? refusal, (CalendarProvider Calendar, int DueSoonDays)? view, TimeProvider time, CancellationToken ct)
    {
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem(StatusCodes.Status409Conflict, "The application changed meanwhile; reload it. 申请已被他人修改，请刷新。", "state");
        }

        return TypedResults.Ok(View(application, view?.Calendar, view?.DueSoonDays ?? 1, time));
    }

    private static Func<Application, DateTimeOffset, Talent.Contracts.IIntegrationEvent> Accepted => (a, now) =>
        new ApplicationAccepted(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.ItemVersion, a.LeadDepartment, a.OwnerId!, a.DecisionDeadline!.Value);

    private static Func<Application, DateTimeOffset, Talent.Contracts.IIntegrationEvent> Returned(string note) => (a, now) =>
        new ApplicationReturnedForSupplement(Guid.CreateVersion7(now), now, a.Id, a.Reference!, a.ApplicantId, a.ItemCode, a.LeadDepartment, a.OwnerId, note);

    private static Func<Application, DateTimeOffset, Talent.Contracts.IIntegrationEvent> Withdrawn => (a, now) =>
        new ApplicationWithdrawn(Guid.CreateVersion7(now), now, a.Id, a.Reference ?? "", a.ApplicantId, a.ItemCode, a.LeadDepartment, a.OwnerId);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> ReferenceYears = new();

    /// <summary>
    /// TA-{year}-{n}: a PostgreSQL sequence per year, so submissions never queue on a counter row. Numbers are unique and
    /// increasing; one is skipped only when a submission fails at the moment of saving (never reused).
    /// </summary>
    public static async Task<string> NextReferenceAsync(ApplicationsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var year = Application.Today(now).Year;
        var sequence = $"application_reference_{year}";
        if (!ReferenceYears.ContainsKey(year))
        {
            // The name is built from an integer year: nothing from a request reaches this statement.
#pragma warning disable EF1003 // an identifier cannot be a parameter; it is made of a constant and an int
            await db.Database.ExecuteSqlRawAsync("CREATE SEQUENCE IF NOT EXISTS " + sequence, ct);
#pragma warning restore EF1003
            ReferenceYears[year] = true;
        }

        var next = await db.Database.SqlQuery<long>($"SELECT nextval({sequence}::regclass) AS \"Value\"").ToListAsync(ct);
        return $"TA-{year}-{next.Single():D6}";
    }

    private static async Task<Application?> VisibleAsync(Guid id, ClaimsPrincipal user, ApplicationsDbContext db, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Applications : db.Applications.AsNoTracking();
        var application = await query.SingleOrDefaultAsync(a => a.Id == id, ct);
        var actor = ActorOf(user);
        var visible = application is not null && (
            application.ApplicantId == actor.Subject
            || application.FiledBy == actor.Subject
            || actor.IsOperator
            || (actor.IsStaff && actor.Department is { } department && application.Departments.Contains(department) && application.State != ApplicationState.Draft));
        // Someone else's application does not exist for you.
        return visible ? application : null;
    }

    // A published version's flow card never changes: kept in memory once read (a few hundred versions at most).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Code, int Version), FlowCardSnapshot> Cards = new();

    private static async Task<FlowCardSnapshot> CardAsync(ApplicationsDbContext db, Application application, CancellationToken ct)
    {
        var key = (application.ItemCode, application.ItemVersion);
        if (!Cards.TryGetValue(key, out var card))
        {
            card = (await db.CatalogueVersions.AsNoTracking().SingleAsync(v => v.Code == application.ItemCode && v.Version == application.ItemVersion, ct)).FlowCard!;
            Cards.TryAdd(key, card);
        }

        return card;
    }

    private static IResult? MaterialError(FlowCardSnapshot card, string? code) =>
        card.Materials.SingleOrDefault(m => m.Code == code) is not { } material
            ? Invalid("materialCode", "A material code of this item's flow card. 请选择本事项要求的材料。")
            : material.NeedNotBeSubmitted
                ? Invalid("materialCode", $"{material.NameZh} is obtained from {material.SourceDepartment}'s data: nothing to upload (免提交). 该材料免提交。")
                : null;

    private static async Task<IResult> PagedAsync(IQueryable<Application> query, int? page, int? pageSize, CalendarProvider calendar, ApplicationsOptions options, TimeProvider time, CancellationToken ct)
    {
        var (p, size) = (page ?? 1, pageSize ?? 20);
        var total = await query.CountAsync(ct);
        // Only the listed columns: the form, materials, steps and history stay in the database.
        var rows = await query.Skip((p - 1) * size).Take(size)
            .Select(a => new { a.Id, a.Reference, a.State, a.ItemCode, a.ItemTitleZh, a.ApplicantName, a.AwaitingDepartmentCode, a.DueOn, a.OwnerId, a.OwnerName, a.OwnerContact, a.SubmittedAt })
            .ToListAsync(ct);
        var today = Application.Today(time.GetUtcNow());
        return TypedResults.Ok(new Paged<Summary>(
            [.. rows.Select(a => new Summary(a.Id, a.Reference, a.State.ToString(), a.ItemCode, a.ItemTitleZh, a.ApplicantName, a.AwaitingDepartmentCode, a.DueOn,
                DueStatus(a.DueOn, today, calendar, options.DueSoonDays), a.OwnerId is null ? null : new OwnerView(a.OwnerId, a.OwnerName, a.OwnerContact), a.SubmittedAt))],
            p, size, total));
    }

    private static IResult? PagingError(int? page, int? pageSize) =>
        page is < 1 ? Invalid("page", "Pages start at 1. 页码从 1 开始。")
        : pageSize is < 1 or > MaxPageSize ? Invalid("pageSize", $"pageSize is 1 to {MaxPageSize}. 每页 1 至 {MaxPageSize} 条。")
        : null;

    private static string? DueStatus(DateOnly? due, DateOnly today, CalendarProvider? calendar, int dueSoonDays) =>
        due is not { } d || calendar is null ? null
        : d < today ? "overdue"
        : d <= calendar.Current.AddWorkingDays(today, dueSoonDays) ? "dueSoon"
        : "onTrack";

    private static OwnerView? Owner(Application a) => a.OwnerId is null ? null : new OwnerView(a.OwnerId, a.OwnerName, a.OwnerContact);

    private static ApplicationView View(Application a, CalendarProvider? calendar, int dueSoonDays, TimeProvider time) =>
        new(a.Id, a.Reference, a.State.ToString(), a.ItemCode, a.ItemVersion, a.ItemTitleZh, a.LeadDepartment, a.Channel, a.ApplicantId, a.ApplicantName, a.Answers, a.Materials, a.Steps,
            Owner(a), a.CreatedAt, a.SubmittedAt, a.AcceptanceDeadline, a.DecisionDeadline, a.DueOn, DueStatus(a.DueOn, Application.Today(time.GetUtcNow()), calendar, dueSoonDays),
            a.Decision, a.DecisionReasons, a.InPersonVisits, a.Allowed());

    public static CaseActor ActorOf(ClaimsPrincipal user) => new(
        user.FindFirstValue("sub") ?? "",
        user.FindFirstValue("nickname") ?? user.FindFirstValue("name") ?? user.FindFirstValue("sub") ?? "",
        user.IsInRole("applicant"),
        user.IsInRole("staff"),
        user.IsInRole("operator"),
        user.Department());

    private static IResult? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) || value.Length > 2000 ? Invalid(field, "Required, at most 2,000 characters. 必填，不超过 2000 字。") : null;

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult Refused(CaseRefusal refusal) =>
        TypedResults.Problem(
            title: refusal.Message,
            statusCode: refusal.Field is not null && !refusal.Forbidden && refusal.Field != "step" ? StatusCodes.Status400BadRequest : refusal.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["state"] = refusal.State.ToString(), ["allowedActions"] = refusal.Allowed, ["field"] = refusal.Field });

    private static IResult Problem(int status, string title, string? field = null) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["field"] = field });
}
