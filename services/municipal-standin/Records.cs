using System.Security.Cryptography;
using System.Text;

namespace Talent.MunicipalStandIn;

/// <summary>
/// DEMONSTRATION ONLY. The records municipal departments would hold for a person, for every material the demonstration
/// directory marks as held by a department (免提交), made up from the person's id so the same person always gets the same
/// record. A person whose id starts with <c>unknown</c> has none (404), as has any other material.
/// </summary>
public static class Records
{
    private const string Police = "重庆市公安局（演示） Chongqing Public Security Bureau (demo)";
    private const string Hrss = "重庆市人力资源和社会保障局（演示） Chongqing HR and Social Security (demo)";
    private const string Housing = "重庆市住房和城乡建设委员会（演示） Chongqing Housing (demo)";

    private static readonly Dictionary<string, (string Holder, Func<string, object> Data)> Held = new()
    {
        ["id-card"] = (Police, d => new { number = $"500107{d[..12]}", validUntil = "2036-05-31" }),
        ["household"] = (Police, d => new { kind = "居住证 residence permit", number = $"CQ{d[..10]}", district = "高新区 High-tech Zone" }),
        ["marriage-record"] = (Police, d => new { registeredOn = "2018-10-01", office = "九龙坡区婚姻登记处（演示）" }),
        ["business-licence"] = ("重庆市市场监督管理局（演示） Chongqing Market Regulation (demo)", d => new { unifiedCreditCode = $"91500000{d[..10]}", registeredOn = "2021-06-18", status = "存续 active" }),
        ["social-insurance"] = (Hrss, d => new { months = 24 + (d[0] - '0'), lastPaid = "2026-11", employer = "重庆高新区演示企业" }),
        ["talent-recognition"] = (Hrss, d => new { programme = "golden-phoenix", designation = "high-level", certifiedOn = "2025-09-01" }),
        ["degree"] = ("重庆市教育委员会（演示） Chongqing Education Commission (demo)", d => new { level = "博士 doctorate", awardedOn = "2019-07-01", institution = "重庆大学（演示）" }),
        ["lease-registration"] = (Housing, d => new { number = $"ZL{d[..8]}", from = "2026-01-01", to = "2027-12-31" }),
        ["property-certificate"] = (Housing, d => new { number = $"渝(2024)高新区不动产权第{d[..7]}号", area = 89.5 }),
        ["loan-record"] = ("重庆市地方金融管理局（演示） Chongqing Finance (demo)", d => new { loans = 1, outstandingWan = 120, overdue = 0 }),
        ["insurance-policy"] = ("重庆市商务委员会（演示） Chongqing Commerce (demo)", d => new { policy = $"EC{d[..9]}", insurer = "中国出口信用保险公司重庆分公司（演示）" }),
    };

    public static IReadOnlyCollection<string> Materials => Held.Keys;

    public static object? For(string material, string subject)
    {
        if (!Held.TryGetValue(material, out var held) || subject.StartsWith("unknown", StringComparison.Ordinal))
        {
            return null;
        }

        return new { demonstration = true, material, subject, holder = held.Holder, data = held.Data(Digits(subject)), issuedAt = "2026-01-01T00:00:00Z" };
    }

    /// <summary>Sixteen digits derived from the subject (not a real number: demonstration).</summary>
    private static string Digits(string subject)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(subject));
        var builder = new StringBuilder();
        foreach (var b in hash.AsSpan(0, 16))
        {
            builder.Append((char)('0' + b % 10));
        }

        return builder.ToString();
    }
}
