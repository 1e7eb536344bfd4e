using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Talent.SystemTests;

public sealed class ReferenceDataTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task Anyone_reads_the_reference_lists_and_the_demonstration_data_is_there()
    {
        var ct = TestContext.Current.CancellationToken;
        var stages = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/stages", ct);
        Assert.Equal(6, stages.GetArrayLength());
        Assert.Equal("概念验证", stages[1].GetProperty("nameZh").GetString());

        var departments = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/departments", ct);
        Assert.Contains("STI", departments.EnumerateArray().Select(d => d.GetProperty("code").GetString()));

        var policies = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/policies?department=STI&pageSize=2", ct);
        Assert.Equal(2, policies.GetProperty("items").GetArrayLength());
        Assert.True(policies.GetProperty("total").GetInt32() > 2);

        var items = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/service-items?department=HOUSING", ct);
        Assert.NotEmpty(items.EnumerateArray());
        Assert.All(items.EnumerateArray(), i => Assert.Equal("HOUSING", i.GetProperty("department").GetString()));
    }

    [Fact]
    public async Task Only_operators_edit_reference_data_and_bad_input_names_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var department = new { nameZh = "数据资源局", nameEn = "Data Resources Bureau" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Gateway.PutAsJsonAsync("/api/catalogue/departments/DATA", department, ct)).StatusCode);
        using var staff = system.As((await system.SignInAsync("staff-sti", "catalogue")).AccessToken!);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/catalogue/departments/DATA", department, ct)).StatusCode);

        using var admin = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/catalogue/departments/DATA", department, ct)).StatusCode);
        var stored = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/departments", ct)).EnumerateArray().Single(d => d.GetProperty("code").GetString() == "DATA");
        Assert.Equal(("数据资源局", "Data Resources Bureau"), (stored.GetProperty("nameZh").GetString(), stored.GetProperty("nameEn").GetString()));

        var policy = await admin.PutAsJsonAsync("/api/catalogue/policies/POL-DATA-SHARING", new
        {
            titleZh = "数据共享办法", issuingDepartment = "NOWHERE", effectiveFrom = "2025-01-01", expiresOn = "2024-01-01",
        }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, policy.StatusCode);
        var errors = (await policy.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("issuingDepartment", out _));
        Assert.True(errors.TryGetProperty("expiresOn", out _));
        var listed = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/policies?pageSize=100", ct);
        Assert.DoesNotContain("POL-DATA-SHARING", listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/catalogue/policies/POL-DATA-SHARING", new
        {
            titleZh = "数据共享办法", issuingDepartment = "DATA", effectiveFrom = "2025-01-01",
        }, ct)).StatusCode);
        var saved = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/catalogue/policies/POL-DATA-SHARING", ct);
        Assert.Equal(("数据共享办法", "DATA", "2025-01-01"),
            (saved.GetProperty("titleZh").GetString(), saved.GetProperty("issuingDepartment").GetString(), saved.GetProperty("effectiveFrom").GetString()));
    }
}
