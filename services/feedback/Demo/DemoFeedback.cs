using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Feedback.Data;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Figures;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;
using Talent.Feedback.Tickets;
using Talent.WorkingDays;
using Talent.Data;

namespace Talent.Feedback.Demo;

/// <summary>
/// DEMONSTRATION DATA (when <c>Feedback:DemoData</c> is on), seeded once the catalogue's items and the demonstration
/// applications' decisions have arrived; idempotent:
/// <list type="bullet">
/// <item>about 600 reviews of fictional earlier services over the last twelve months (applicants <c>demo-history-*</c>),
/// with a realistic spread per department and comments for demand analysis; their bad reviews went through the loop;</item>
/// <item>reviews of some of the demonstration accounts' decided applications (others are left for the accounts to rate);</item>
/// <item>two open rectification cases, one overdue;</item>
/// <item>tickets of demo-talent1 and demo-enterprise1 in every state.</item>
/// </list>
/// </summary>
public sealed class DemoFeedback(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, FiguresPublication publication, TimeProvider time, ILogger<DemoFeedback> logger)
    : BackgroundService
{
    public const string HistoryApplicant = "demo-history";

    private static readonly string[] Praise =
    [
        "办理速度快，工作人员很耐心，一次办结。", "线上提交材料很方便，不用跑腿。", "专员主动联系，服务周到细致。", "办事指南清楚准确，材料一次就齐了。",
        "审批比承诺时限提前完成，效率很高。", "窗口人员解答专业，流程清晰。", "Fast and friendly service, everything online.", "免提交材料减少了很多麻烦。",
    ];

    private static readonly string[] Complaints =
    [
        "材料要求反复修改，跑了好几次窗口。", "审核时间太长，超过了承诺时限。", "电话咨询一直没人接听。", "办事指南和窗口要求不一致。",
        "线上系统上传附件经常失败。", "补正通知不清楚，不知道缺什么材料。", "The English guide is missing; hard to follow.", "人才公寓配租进度查询不到。",
    ];

    private static readonly (TicketKind Kind, string Category, string Title, string Body)[] TicketTexts =
    [
        (TicketKind.Question, "housing", "人才公寓配租什么时候开放申请？", "想了解人才公寓下一批配租的开放时间和申请条件。"),
        (TicketKind.Suggestion, "platform", "建议提供英文版办事指南", "外籍人才看不懂中文指南，建议所有事项提供英文版。Please add English guides."),
        (TicketKind.Demand, "financing", "融资对接需求：寻找天使投资", "智能网联汽车初创企业，寻找天使轮投资和投融资对接服务。"),
        (TicketKind.Complaint, "research", "中试平台补助申报流程不清楚", "中试平台共享使用补助的申报流程和材料清单不清楚，咨询电话无人接听。"),
        (TicketKind.Question, "education", "子女入学需要哪些材料？", "高层次人才子女入学安排需要提交哪些证明材料？"),
        (TicketKind.Suggestion, "talent-policy", "建议人才认定结果线上公示", "希望人才认定结果可以在线查询和公示。"),
        (TicketKind.Demand, "technology-transfer", "科技成果转化需求", "高校团队寻求成果转化和技术经纪人服务。"),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DemoData)
        {
            return;
        }

        try
        {
            for (var attempt = 0; attempt < 150 && !stoppingToken.IsCancellationRequested; attempt++)
            {
                if (await SeedAsync(stoppingToken) is { } seeded)
                {
                    if (seeded > 0)
                    {
                        logger.LogInformation("Seeded {Count} demonstration reviews, cases and tickets", seeded);
                        // The closed months of the history are published now rather than at the publication's next pass.
                        await using (var scope = scopes.CreateAsyncScope())
                        {
                            await FigureCounters.FoldAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), stoppingToken);
                        }

                        await publication.PublishAsync(stoppingToken);
                    }

                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }

            logger.LogWarning("Demonstration feedback not seeded: the catalogue's items or the demonstration decisions did not arrive");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The number of records seeded, 0 when already there, null while the catalogue and the decisions have not arrived.</summary>
    public async Task<int?> SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        // Replicas starting together take turns: the second finds the history there.
        await using var seeding = await StartupLock.TakeAsync(db, "feedback-demo-data", ct);
        if (await db.Evaluations.AnyAsync(e => e.ApplicantId.StartsWith(HistoryApplicant), ct))
        {
            return 0;
        }

        var items = await db.CatalogueItems.AsNoTracking().Where(i => !i.Withdrawn && i.LeadDepartment != null).OrderBy(i => i.Code).Take(40).ToListAsync(ct);
        var decided = await db.Invitations.Where(i => i.ApplicantId == "demo-talent1" || i.ApplicantId == "demo-enterprise1").OrderBy(i => i.DecidedAt).ToListAsync(ct);
        if (items.Count < 10 || decided.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var calendar = await ReadModels.CalendarCopy.CalendarAsync(db, ct);
        var settings = options.Value;
        var random = new Random(2026);
        var deltas = new List<FigureDelta?>();
        var count = 0;

        // Twelve months of earlier services: departments differ (some better than others), so the ranking means something.
        for (var n = 0; n < 600; n++)
        {
            var item = items[random.Next(items.Count)];
            var bias = Math.Abs(item.LeadDepartment!.GetHashCode(StringComparison.Ordinal) % 7) * 0.02;
            var roll = random.NextDouble() + bias;
            var level = roll switch
            {
                > 0.50 => EvaluationLevel.VerySatisfied,
                > 0.24 => EvaluationLevel.Satisfied,
                > 0.12 => EvaluationLevel.BasicallySatisfied,
                > 0.04 => EvaluationLevel.Dissatisfied,
                _ => EvaluationLevel.VeryDissatisfied,
            };
            var at = now.AddDays(-random.Next(5, 360)).AddMinutes(-random.Next(600));
            var comment = random.NextDouble() < 0.6 ? (level >= EvaluationLevel.BasicallySatisfied ? Praise : Complaints)[random.Next(Praise.Length)] : null;
            var invitation = EvaluationInvitation.For(
                new Contracts.Applications.ApplicationDecided(Guid.CreateVersion7(at), at, Guid.NewGuid(), $"TA-DEMO-{n:D6}", $"{HistoryApplicant}-{n % 97}", item.Code, item.Version, item.LeadDepartment!, [item.LeadDepartment!], $"demo-staff-{item.LeadDepartment!.ToLowerInvariant()}", true, "同意 Approved", true, 0),
                item.TitleZh, settings.EvaluationOpenFor);
            db.Invitations.Add(invitation);
            var evaluation = Evaluation.Of(invitation, level, new Dictionary<string, int> { ["efficiency"] = Math.Clamp((int)level + random.Next(-1, 2), 1, 5) }, [], comment, n % 3 == 0 ? "mobile" : "web", at.AddHours(random.Next(1, 48)))!;
            await EvaluationRecorder.RecordAsync(db, evaluation, settings, evaluation.SubmittedAt, null, ct);
            deltas.Add(FigureDelta.Of(evaluation));
            count++;
        }

        // Their bad reviews went through the loop, most on time.
        var staff = new Func<string, CaseActor>(d => new CaseActor($"demo-staff-{d.ToLowerInvariant()}", $"{d} 窗口 (demo)", d, true, false));
        foreach (var raised in db.ChangeTracker.Entries<RectificationCase>().Select(e => e.Entity).ToList())
        {
            var start = raised.RaisedAt;
            var late = random.NextDouble() < 0.15 ? 4 : 0;
            raised.StartVerification(staff(raised.Department), start.AddHours(2));
            raised.Verify(staff(raised.Department), "核实属实：材料清单说明不清（演示）。 Verified: the material list was unclear (demo).", calendar, settings.RectifyDays, start.AddDays(late + 0.5));
            raised.Rectify(staff(raised.Department), "已修订办事指南并培训窗口人员（演示）。 Guide revised, window staff briefed (demo).", calendar, settings.ReturnVisitDays, start.AddDays(late + 3));
            raised.RecordReturnVisit(staff(raised.Department), random.NextDouble() < 0.8, "电话回访（演示） Phone return visit (demo).", start.AddDays(late + 4));
            deltas.Add(FigureDelta.Of(raised));
        }

        // The demonstration accounts' own decided services: rate the older half, leave the rest for the accounts.
        var rated = 0;
        foreach (var invitation in decided.Where(i => i.OpenUntil > now).Take(Math.Max(1, decided.Count / 2)))
        {
            var level = rated++ == 0 ? EvaluationLevel.Dissatisfied : EvaluationLevel.VerySatisfied;
            var at = invitation.DecidedAt.AddHours(3);
            var evaluation = Evaluation.Of(invitation, level, null, [], level == EvaluationLevel.Dissatisfied ? "审核时间太长，补正通知不清楚（演示）。" : "办理顺利（演示）。", "web", at < now ? at : now);
            if (evaluation is not null)
            {
                await EvaluationRecorder.RecordAsync(db, evaluation, settings, evaluation.SubmittedAt, null, ct);
                deltas.Add(FigureDelta.Of(evaluation));
                count++;
            }
        }

        // Two open cases: one raised ten days ago and never taken up (overdue), one being rectified (due in the future).
        var openCases = new[] { (Level: EvaluationLevel.VeryDissatisfied, DaysAgo: 10, Progress: false), (Level: EvaluationLevel.Dissatisfied, DaysAgo: 1, Progress: true) };
        for (var k = 0; k < openCases.Length; k++)
        {
            var item = items[k];
            var at = now.AddDays(-openCases[k].DaysAgo);
            var invitation = EvaluationInvitation.For(
                new Contracts.Applications.ApplicationDecided(Guid.CreateVersion7(at), at.AddDays(-1), Guid.NewGuid(), $"TA-DEMO-OPEN-{k}", $"{HistoryApplicant}-open-{k}", item.Code, item.Version, item.LeadDepartment!, [item.LeadDepartment!], null, true, "同意 Approved", true, 1),
                item.TitleZh, settings.EvaluationOpenFor);
            db.Invitations.Add(invitation);
            var evaluation = Evaluation.Of(invitation, openCases[k].Level, null, ["等待时间长"], k == 0 ? "窗口排队两个小时，材料被退回三次（演示）。" : "进度查询不到，没人主动联系（演示）。", "window", at)!;
            await EvaluationRecorder.RecordAsync(db, evaluation, settings, at, null, ct);
            deltas.Add(FigureDelta.Of(evaluation));
            if (openCases[k].Progress)
            {
                var open = db.ChangeTracker.Entries<RectificationCase>().Select(e => e.Entity).Single(c => c.EvaluationId == evaluation.Id);
                open.StartVerification(staff(open.Department), now.AddHours(-20));
                open.Verify(staff(open.Department), "核实属实：进度未及时告知（演示）。 Verified: progress was not communicated (demo).", calendar, settings.RectifyDays, now.AddHours(-2));
            }

            count++;
        }

        count += SeedTickets(db, calendar, now);
        await db.SaveWithFiguresAsync(deltas, ct);
        return count;
    }

    private static int SeedTickets(FeedbackDbContext db, WorkingCalendar calendar, DateTimeOffset now)
    {
        var people = new[] { ("demo-talent1", "张明 Zhang Ming"), ("demo-enterprise1", "智行科技有限公司 Zhixing Technology Co.") };
        var number = 0;
        foreach (var (text, index) in TicketTexts.Select((t, i) => (t, i)))
        {
            var (subject, name) = people[index % 2];
            var daysAgo = index switch { 0 => 8, 1 => 0, 6 => 16, _ => 4 };
            var opened = now.AddDays(-daysAgo).AddHours(-1);
            var department = TicketRouting.DepartmentOf(text.Category, new Dictionary<string, string>())!;
            var ticket = FeedbackTicket.Open($"FK-DEMO-{++number:D3}", text.Kind, text.Category, text.Title, text.Body, null, null, subject, name, department, "category", calendar, 3, opened);
            var staff = new CaseActor($"demo-staff-{department.ToLowerInvariant()}", $"{department} 窗口 (demo)", department, department != TicketRouting.Platform, department == TicketRouting.Platform);
            switch (index)
            {
                case 0 or 1:
                    break; // open; the first past its reply deadline
                case 2:
                    ticket.Take(staff, opened.AddHours(2)); // owned, not yet answered
                    break;
                case 3:
                    ticket.Answer(staff, "已转中试平台运营方，两个工作日内电话联系您（演示）。", calendar, 5, opened.AddDays(1));
                    break;
                case 4:
                    ticket.Answer(staff, "请提交户籍证明、人才认定证书和居住证明（演示）。", calendar, 5, opened.AddHours(3));
                    ticket.Reopen(subject, "还想了解是否可以跨学区安排。", calendar, 3, opened.AddDays(1));
                    break;
                case 5:
                    ticket.Answer(staff, "认定结果将于下月起在线公示（演示）。", calendar, 5, opened.AddHours(5));
                    ticket.Confirm(subject, true, "谢谢", opened.AddDays(1));
                    break;
                default:
                    ticket.Answer(staff, "已安排技术经纪人对接（演示）。", calendar, 5, opened.AddHours(4));
                    ticket.CloseUnconfirmed(opened.AddDays(12));
                    break;
            }

            db.Tickets.Add(ticket);
            if (Analysis.FeedbackText.Of(Analysis.FeedbackText.Ticket, ticket.Id, opened, department, null, text.Category, null, text.Title, text.Body) is { } feedbackText)
            {
                db.Texts.Add(feedbackText);
            }
        }

        return TicketTexts.Length;
    }
}
