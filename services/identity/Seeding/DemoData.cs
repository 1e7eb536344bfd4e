using Talent.Messaging.Outbox;
using Talent.Identity.People;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Talent.Identity.Clients;
using Talent.Identity.Data;
using Talent.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Seeding;

/// <summary>
/// Demonstration accounts (all with the password <c>Talent#2026</c>) and clients of the embedded default.
/// Seeded only when <c>Identity:DemoData</c> is on; idempotent.
/// </summary>
public sealed class DemoData(UserManager<TalentUser> users, RoleManager<IdentityRole> roles, IOpenIddictApplicationManager applications, IdentityDb db, TimeProvider time)
{
    public const string Password = "Talent#2026";

    public static string SubjectOf(string userName) => $"demo-{userName}";

    /// <summary>The demonstration accounts' user names; their subjects are <see cref="SubjectOf"/>.</summary>
    public static IEnumerable<string> UserNames => Accounts.Select(a => a.UserName);

    /// <summary>Demonstration clients whose secret or flow is published: they must not outlive the demonstration data.</summary>
    public static readonly string[] PublishedClients = ["municipal-demo", "talent-dev"];

    private static readonly (string UserName, string DisplayName, string Role, string? Kind, string? CreditCode, string? Department)[] Accounts =
    [
        ("talent1", "张明 Zhang Ming", TalentRoles.Applicant, "talent", null, null),
        ("enterprise1", "智行科技有限公司 Zhixing Technology Co.", TalentRoles.Applicant, "enterprise", "91500107MA5TALENT1", null),
        ("staff-sti", "科技创新局 王芳 Wang Fang (STI)", TalentRoles.Staff, null, null, "STI"),
        ("staff-hr", "人力社保局 李强 Li Qiang (HRSS)", TalentRoles.Staff, null, null, "HRSS"),
        ("commissioner1", "人才服务专员 陈静 Chen Jing", TalentRoles.Commissioner, null, null, "HRSS"),
        ("butler1", "人才管家 赵磊 Zhao Lei", TalentRoles.Butler, null, null, null),
        ("broker1", "科创经纪人 孙悦 Sun Yue", TalentRoles.Broker, null, null, null),
        ("operator1", "平台运营 周洋 Zhou Yang", TalentRoles.Operator, null, null, null),
    ];

    private static readonly string[] PortalScopes = PortalClient.Scopes;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in TalentRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        foreach (var ((userName, displayName, role, kind, creditCode, department), index) in Accounts.Select((a, i) => (a, i)))
        {
            var existing = await users.FindByNameAsync(userName);
            if (existing is not null)
            {
                await RestoreIfRetiredAsync(existing);
                await GiveContactsAsync(existing, index);
                continue;
            }

            var user = new TalentUser
            {
                // A known subject (demo-talent1), so other services' demonstration data can belong to these accounts.
                Id = SubjectOf(userName),
                UserName = userName,
                DisplayName = displayName,
                ApplicantKind = kind,
                CreditCode = creditCode,
                DepartmentCode = department,
                Email = DemoEmail(userName),
                PhoneNumber = DemoPhone(index),
                Language = DemoLanguage(userName),
                CreatedAt = time.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, Password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
        }

        await EnsureClientAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = "talent-mobile",
            ClientType = ClientTypes.Public,
            DisplayName = "人才服务 App Talent mobile",
            RedirectUris = { new Uri("talent://callback") },
        }, [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken], PortalScopes, pkce: true, cancellationToken);

        await EnsureClientAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = "municipal-demo",
            ClientSecret = "municipal-demo-secret",
            ClientType = ClientTypes.Confidential,
            DisplayName = "市级数据共享平台（演示） Municipal data exchange (demo)",
        }, [GrantTypes.ClientCredentials], ["exchange"], pkce: false, cancellationToken);

        await EnsureClientAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = "talent-dev",
            ClientType = ClientTypes.Public,
            DisplayName = "Development and tests (embedded default only)",
        }, [GrantTypes.Password, GrantTypes.RefreshToken], PortalScopes, pkce: false, cancellationToken);
    }

    // Demonstration contacts: addresses under a reserved domain (RFC 2606) the embedded default's mail server catches, and
    // numbers no phone has. One account reads in English, so both languages' messages can be seen.
    private static string DemoEmail(string userName) => $"{userName}@demo.talent.example";

    private static string DemoPhone(int index) => $"+86-023-6000-{index:0000}";

    private static string DemoLanguage(string userName) => userName == "broker1" ? UserContacts.English : UserContacts.Chinese;

    /// <summary>A demonstration account made before contacts existed gets its demonstration contacts (announced with the next generation).</summary>
    private async Task GiveContactsAsync(TalentUser user, int index)
    {
        if (user.Id != SubjectOf(user.UserName!) || user.Email is not null)
        {
            return;
        }

        (user.Email, user.PhoneNumber, user.Language) = (DemoEmail(user.UserName!), DemoPhone(index), DemoLanguage(user.UserName!));
        Check(await users.UpdateAsync(user), user.UserName!);
    }

    /// <summary>
    /// An account retired by a start with demonstration data off (disabled, password removed) works again once the
    /// data is turned back on; one an operator disabled keeps its password, and stays disabled.
    /// </summary>
    private async Task RestoreIfRetiredAsync(TalentUser user)
    {
        if (user.Id != SubjectOf(user.UserName!) || !user.Disabled || await users.HasPasswordAsync(user))
        {
            return;
        }

        user.Disabled = false;
        db.RecordEvent(PersonEvents.Of(user, await users.GetRolesAsync(user), time.GetUtcNow()));
        Check(await users.AddPasswordAsync(user, Password), user.UserName!);
    }

    private async Task EnsureClientAsync(OpenIddictApplicationDescriptor descriptor, string[] grants, string[] scopes, bool pkce, CancellationToken cancellationToken)
    {
        ClientPermissions.Apply(descriptor, grants, scopes, pkce);
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
        {
            // A demonstration client made by an earlier version gets the scopes added since (the exchange's, say).
            var permitted = await applications.GetPermissionsAsync(existing, cancellationToken);
            if (!descriptor.Permissions.All(permitted.Contains))
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }

            return;
        }

        await applications.CreateAsync(descriptor, cancellationToken);
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
