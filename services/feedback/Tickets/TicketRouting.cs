using Microsoft.EntityFrameworkCore;
using Talent.Feedback.Data;

namespace Talent.Feedback.Tickets;

/// <summary>Ticket categories and the department each is routed to when the ticket names no application or item.</summary>
public static class TicketRouting
{
    /// <summary>Operators answer platform matters; they act for every department.</summary>
    public const string Platform = "PLATFORM";

    public static readonly IReadOnlyDictionary<string, (string Department, string NameZh, string NameEn)> Defaults = new Dictionary<string, (string, string, string)>
    {
        ["talent-policy"] = ("HRSS", "人才政策", "Talent policy"),
        ["employment"] = ("HRSS", "就业社保", "Employment and social security"),
        ["research"] = ("STI", "科研创新", "Research and innovation"),
        ["technology-transfer"] = ("STI", "成果转化", "Technology transfer"),
        ["housing"] = ("HOUSING", "住房安居", "Housing"),
        ["education"] = ("EDU", "子女教育", "Children's education"),
        ["health"] = ("HEALTH", "医疗健康", "Health care"),
        ["financing"] = ("FINANCE", "投资融资", "Investment and financing"),
        ["business"] = ("MARKET", "企业登记", "Business registration"),
        ["tax"] = ("TAX", "税收服务", "Tax"),
        ["intellectual-property"] = ("IP", "知识产权", "Intellectual property"),
        ["industry"] = ("ECON", "产业发展", "Industry development"),
        ["platform"] = (Platform, "平台使用", "Using the platform"),
        ["other"] = (Platform, "其他", "Other"),
    };

    /// <summary>The category's department: the configured override, else the default.</summary>
    public static string? DepartmentOf(string category, IReadOnlyDictionary<string, string> overrides) =>
        overrides.TryGetValue(category, out var department) ? department
        : Defaults.TryGetValue(category, out var route) ? route.Department
        : null;

    /// <summary>A department a ticket may be passed on to: one the categories route to (as configured), or an item's lead department.</summary>
    public static async Task<bool> IsKnownAsync(string department, FeedbackDbContext db, IReadOnlyDictionary<string, string> overrides, CancellationToken ct) =>
        Defaults.Values.Any(d => d.Department == department) || overrides.Values.Contains(department)
        || await db.CatalogueItems.AnyAsync(i => i.LeadDepartment == department, ct);
}
