using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Applications.Bookings;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Applications.Materials;
using Talent.Contracts.Applications;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Outbox;
using Talent.Data;

namespace Talent.Applications.Demo;

/// <summary>
/// DEMONSTRATION DATA (when <c>Applications:DemoData</c> is on): thirty applications of the demonstration accounts
/// (subjects <c>demo-talent1</c>, <c>demo-enterprise1</c>) in every state, handled by demo-staff-hr and demo-staff-sti,
/// some due soon and one overdue. Seeded once the catalogue's demonstration items have arrived here; idempotent.
/// </summary>
public sealed class DemoApplications(IServiceScopeFactory scopes, CalendarProvider calendar, TimeProvider time, IConfiguration configuration, ILogger<DemoApplications> logger) : BackgroundService
{
    private static readonly CaseActor Talent = new("demo-talent1", "张明 Zhang Ming", true, false, false, null);
    private static readonly CaseActor Enterprise = new("demo-enterprise1", "智行科技有限公司 Zhixing Technology Co.", true, false, false, null);

    private static readonly string[] Items = ["TALENT-DATABASE", "SPOUSE-EMPLOYMENT", "RESEARCH-PROJECT", "TALENT-CARD", "TECH-CONTRACT", "PROFESSIONAL-TITLE", "INCUBATOR-ENTRY", "TALENT-PROGRAM", "HIGH-TECH-ENTERPRISE", "POC-FUNDING"];

    private static readonly byte[] DemoPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% demonstration material, not a real document\n%%EOF\n");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Applications:DemoData"))
        {
            return;
        }

        try
        {
            // The items arrive as CatalogueItemPublished events after the catalogue seeds them: wait for them.
            for (var attempt = 0; attempt < 150 && !stoppingToken.IsCancellationRequested; attempt++)
            {
                if (await SeedAsync(stoppingToken) is { } seeded)
                {
                    if (seeded > 0)
                    {
                        logger.LogInformation("Seeded {Count} demonstration applications", seeded);
                    }

                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }

            logger.LogWarning("Demonstration applications not seeded: the catalogue's demonstration items did not arrive");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The number seeded, 0 when already there, null while the items have not arrived.</summary>
    public async Task<int?> SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        // Replicas starting together take turns: the second finds the applications there.
        await using var seeding = await StartupLock.TakeAsync(db, "applications-demo-data", ct);
        if (!await db.Venues.AnyAsync(ct))
        {
            // The one-stop complex's venues (demonstration names).
            db.Venues.AddRange(Venue.Demo());
            await db.SaveChangesAsync(ct);
        }

        if (await db.Applications.AnyAsync(a => a.ApplicantId == Talent.Subject || a.ApplicantId == Enterprise.Subject, ct))
        {
            return 0;
        }

        var items = await db.CatalogueItems.AsNoTracking().Where(i => Items.Contains(i.Code)).ToListAsync(ct);
        var versions = await db.CatalogueVersions.AsNoTracking().Where(v => Items.Contains(v.Code)).ToListAsync(ct);
        var cards = items
            .Select(i => (Item: i, Card: versions.SingleOrDefault(v => v.Code == i.Code && v.Version == i.Version)?.FlowCard))
            .Where(x => x.Card is not null)
            .ToList();
        if (cards.Count < Items.Length)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var overdueDone = false;
        for (var i = 0; i < 30; i++)
        {
            var (item, card) = cards[i % cards.Count];
            var applicant = i % 3 == 0 ? Enterprise : Talent;
            var scenario = i % 10;
            var daysAgo = scenario switch
            {
                0 or 1 => 0,
                2 when !overdueDone => 20, // past any holiday: its one-working-day acceptance deadline has gone by
                2 => 0,
                3 => 2,
                4 or 5 => 3,
                _ => 15 + i,
            };
            overdueDone |= scenario == 2;
            var start = now.AddDays(-daysAgo).AddHours(-1);
            var application = Application.Start(applicant.Subject, applicant.Name, item.Code, item.Version, item.TitleZh, card!, item.LeadDepartment ?? "", i % 4 == 0 ? "mobile" : "online", applicant, start);
            application.ReferenceSharedMaterials(card!, start);
            application.SaveAnswers(Answers(card!), applicant, start);
            foreach (var material in card!.Materials.Where(m => m.Required && !m.NeedNotBeSubmitted))
            {
                var file = MaterialFile.Upload(applicant.Subject, application.Id, material.Code, material.NameZh, $"{material.Code}.pdf", "application/pdf", DemoPdf, start);
                db.MaterialFiles.Add(file);
                application.Attach(new AttachedMaterial(material.Code, AttachedMaterial.Upload, file.Id, file.FileName, file.ContentType, file.Size, file.Sha256, null, start), applicant);
            }

            db.Applications.Add(application);
            if (scenario == 0)
            {
                continue;
            }

            var reference = await ReferenceNumbers.NextAsync(db, start, ct);
            application.Submit(applicant, null, () => reference, calendar.Current, 1, start);
            db.RecordEvent(new ApplicationSubmitted(Guid.CreateVersion7(start), start, application.Id, reference, applicant.Subject, item.Code, item.Version, application.LeadDepartment, application.Departments, application.Channel, application.AcceptanceDeadline!.Value));
            var lead = Staff(application.LeadDepartment);
            var handled = start.AddHours(2);
            switch (scenario)
            {
                case 1 or 2:
                    break;
                case 4:
                    application.ReturnForSupplement(lead, "请补充近三个月社保缴纳证明 Please add the last three months' social insurance record.", handled);
                    break;
                case 5:
                    application.Refuse(lead, "申请人不在本事项服务范围内 Outside the scope of this item.", handled);
                    break;
                case 9:
                    application.Withdraw(applicant, "已通过其他渠道办理 Handled elsewhere.", handled);
                    break;
                default:
                    application.Accept(lead, calendar.Current, handled);
                    var steps = scenario == 3 ? 1 : application.Steps.Count;
                    for (var s = 0; s < steps && s < application.Steps.Count; s++)
                    {
                        application.CompleteStep(application.Steps[s].Order, Staff(application.Steps[s].Department), calendar.Current, handled.AddDays(s + 1));
                    }

                    if (scenario is 6 or 7 or 8)
                    {
                        var decidedAt = handled.AddDays(application.Steps.Count + 1);
                        application.Decide(scenario != 8, scenario != 8 ? "同意 Approved" : "不予批准 Denied", scenario == 8 ? "材料不符合认定条件（演示） Does not meet the criteria (demo)." : null, lead, decidedAt);
                        db.RecordEvent(new ApplicationDecided(Guid.CreateVersion7(decidedAt), decidedAt, application.Id, reference, applicant.Subject, item.Code, item.Version, application.LeadDepartment,
                            application.Departments, application.OwnerId, scenario != 8, application.Decision!, application.DecidedOnTime, 0));
                    }

                    break;
            }
        }

        await db.SaveChangesAsync(ct);
        return 30;
    }

    private static CaseActor Staff(string department) => department switch
    {
        "HRSS" => new("demo-staff-hr", "人力社保局 李强 Li Qiang (HRSS)", false, true, false, "HRSS"),
        "STI" => new("demo-staff-sti", "科技创新局 王芳 Wang Fang (STI)", false, true, false, "STI"),
        _ => new($"demo-staff-{department.ToLowerInvariant()}", $"{department} 窗口 (demo)", false, true, false, department),
    };

    private static Dictionary<string, JsonElement> Answers(FlowCardSnapshot card) =>
        card.Form.ToDictionary(f => f.Code, f => JsonSerializer.SerializeToElement<object>(f.Type switch
        {
            "number" => 1,
            "date" => DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"),
            "singleChoice" => f.Options[0].Value,
            "multipleChoice" => new[] { f.Options[0].Value },
            _ => "演示 demo",
        }));
}
