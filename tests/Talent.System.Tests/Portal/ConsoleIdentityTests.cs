using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// The identity admin in the operators' console, through the whole system: a person is added (each refusal of the
/// identity service said beside its field), signs in with the password an operator reset, has a role added, is disabled;
/// the audit trail shows each change; a confidential client is registered and its secret shown once, never in the list;
/// staff are refused these pages.
/// </summary>
public sealed class ConsoleIdentityTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task An_operator_adds_a_person_who_signs_in_then_changes_and_disables_them_and_registers_a_client_whose_secret_is_shown_once()
    {
        var browser = await system.BrowserAsync();
        var op = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[1]);
        await op.GotoAsync("/");
        await PortalSession.SignInAsync(op, "operator1");
        await op.Locator("#nav-console").ClickAsync();
        await op.Locator("#console-identity").ClickAsync();
        await op.WaitForURLAsync("**/console/users");
        await op.Locator("#new-user").ClickAsync();
        await op.WaitForURLAsync("**/console/users/new");

        // Nothing filled in: the identity service names each field.
        await op.Locator("#create-user").ClickAsync();
        foreach (var field in new[] { "userName", "displayName", "password", "roles" })
        {
            await Assertions.Expect(op.Locator($"#user-{field}-error")).ToBeVisibleAsync();
        }

        // Staff without a department: said beside the department; what was typed stays (the password is typed again).
        var userName = $"test-staff-{Guid.NewGuid().ToString("N")[..8]}";
        await op.Locator("#user-userName").FillAsync(userName);
        await op.Locator("#user-displayName").FillAsync("测试工作人员");
        await op.Locator("#user-password").FillAsync("Valid#2026pass");
        await op.Locator("#user-role-staff").CheckAsync();
        await op.Locator("#create-user").ClickAsync();
        await Assertions.Expect(op.Locator("#user-departmentCode-error")).ToBeVisibleAsync();
        Assert.Equal(userName, await op.Locator("#user-userName").InputValueAsync());
        Assert.True(await op.Locator("#user-role-staff").IsCheckedAsync());

        await op.Locator("#user-departmentCode").FillAsync("HRSS");
        await op.Locator("#user-password").FillAsync("Valid#2026pass");
        await op.Locator("#create-user").ClickAsync();
        await op.WaitForURLAsync($"**/console/users/{userName}?done=user-created");
        await Assertions.Expect(op.Locator("#user-roles-now")).ToHaveTextAsync("部门工作人员");

        // A new password (none: said beside the field), with which the person signs in and reaches the console.
        await op.Locator("#reset-password").ClickAsync();
        await Assertions.Expect(op.Locator("#user-newPassword-error")).ToBeVisibleAsync();
        await op.Locator("#user-newPassword").FillAsync("Another#2026pass");
        await op.Locator("#reset-password").ClickAsync();
        await op.WaitForURLAsync($"**/console/users/{userName}?done=password-reset");
        var person = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await person.GotoAsync("/");
        await PortalSession.SignInAsync(person, userName, "Another#2026pass");
        Assert.Equal(200, (await person.GotoAsync("/console"))?.Status);
        Assert.Equal(403, (await person.GotoAsync("/console/users"))?.Status);
        await person.Context.CloseAsync();

        // An emptied department is sent as cleared (not "unchanged"): staff need one, said beside the field.
        await op.Locator("#user-departmentCode").FillAsync("");
        await op.Locator("#save-user").ClickAsync();
        await Assertions.Expect(op.Locator("#user-departmentCode-error")).ToBeVisibleAsync();
        await op.Locator("#user-departmentCode").FillAsync("HRSS");
        await op.Locator("#user-role-commissioner").CheckAsync();
        await op.Locator("#save-user").ClickAsync();
        await op.WaitForURLAsync($"**/console/users/{userName}?done=user-saved");
        await Assertions.Expect(op.Locator("#user-roles-now")).ToContainTextAsync("人才专员");
        await op.Locator("#disable-user").ClickAsync();
        await op.WaitForURLAsync($"**/console/users/{userName}?done=user-disabled");
        await Assertions.Expect(op.Locator("#user-state")).ToHaveTextAsync("已停用");
        Assert.Equal(0, await op.Locator("#disable-form").CountAsync());

        await op.GotoAsync($"/console/users?q={userName}");
        await Assertions.Expect(op.Locator("#users tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(op.Locator("#users")).ToContainTextAsync("已停用");
        await op.Locator("#identity-audit").ClickAsync();
        await op.WaitForURLAsync("**/console/audit");
        var mine = op.Locator("#audit tbody tr", new() { HasText = userName });
        await Assertions.Expect(mine).ToHaveCountAsync(4);
        await Assertions.Expect(mine.First).ToContainTextAsync("停用账号");
        await Assertions.Expect(mine.Last).ToContainTextAsync("新增人员");

        // A client: each refusal beside its field, then registered with its secret shown on this answer only.
        await op.GotoAsync("/console/clients/new");
        await op.Locator("#create-client").ClickAsync();
        foreach (var field in new[] { "clientId", "type", "grantTypes" })
        {
            await Assertions.Expect(op.Locator($"#client-{field}-error")).ToBeVisibleAsync();
        }

        var clientId = $"test-system-{Guid.NewGuid().ToString("N")[..8]}";
        await op.Locator("#client-clientId").FillAsync(clientId);
        await op.Locator("#client-displayName").FillAsync("测试对接系统");
        await op.Locator("#client-type-confidential").CheckAsync();
        await op.Locator("#client-grantTypes-client_credentials").CheckAsync();
        await op.Locator("#client-scopes-catalogue").CheckAsync();
        await op.Locator("#create-client").ClickAsync();
        await Assertions.Expect(op.Locator("#client-created")).ToContainTextAsync(clientId);
        var secret = await op.Locator("#client-secret").InputValueAsync();
        Assert.True(secret.Length >= 40, secret);
        await PortalBrowser.ScreenshotAsync(op, "console-client-secret-zh-1280");
        await op.Locator("#client-secret-box ~ p a").ClickAsync();
        await op.WaitForURLAsync("**/console/clients");
        await Assertions.Expect(op.Locator("#clients")).ToContainTextAsync(clientId);
        Assert.DoesNotContain(secret, await op.ContentAsync(), StringComparison.Ordinal);
        await op.Context.CloseAsync();

        var staff = await browser.OpenAsync(system.GatewayAddress, "zh-CN", PortalBrowser.Sizes[0]);
        await staff.GotoAsync("/");
        await PortalSession.SignInAsync(staff, "staff-hr");
        foreach (var path in new[] { "/console/users", "/console/users/new", "/console/clients", "/console/audit" })
        {
            Assert.Equal(403, (await staff.GotoAsync(path))?.Status);
        }

        await staff.Context.CloseAsync();
    }
}
