extern alias catalogue;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using catalogue::Talent.Catalogue.Demo;
using catalogue::Talent.Catalogue.FlowCards;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// A draft's reference codes are checked against the database, which reads only the codes the draft names (not the whole
/// reference data): a draft naming the zone's departments, policies and departmental items is accepted, and one naming a
/// code that does not exist is refused with each such field named. On a real PostgreSQL, with the demonstration data.
/// </summary>
public sealed class CatalogueReferenceCheckTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [Fact]
    public async Task A_draft_naming_known_codes_is_accepted_and_each_unknown_department_policy_and_departmental_item_is_named()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<catalogue::Program>.StartAsync("catalogue", ("Catalogue:DemoData", "true"));
        using var op = host.ClientAs(TestTokens.Operator("catalogue"));
        var demo = DemoCatalogue.Items.Single(i => i.Code == "MEDICAL-GREEN");
        var content = DemoCatalogue.ContentOf(demo);
        var card = DemoCatalogue.FlowCardOf(demo);

        using var accepted = await op.PostAsJsonAsync("/api/catalogue/drafts", new { code = "REFCHECK-KNOWN", content, flowCard = card }, Json, ct);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);

        var shared = card.Materials.ToList().FindIndex(m => m.Source == MaterialSource.DepartmentData);
        Assert.True(shared >= 0, "the demonstration item has a material obtained from a department's data");
        var unknown = new
        {
            code = "REFCHECK-UNKNOWN",
            content = content with { LeadDepartment = "NO-SUCH-DEPT", ServiceItems = [content.ServiceItems[0], "SI-NO-SUCH-ITEM"] },
            flowCard = card with
            {
                LegalBasis = [card.LegalBasis[0], "POL-NO-SUCH-POLICY"],
                Steps = [card.Steps[0] with { Department = "NO-SUCH-STEP-DEPT" }, .. card.Steps.Skip(1)],
                Materials = [.. card.Materials.Select((m, i) => i == shared ? m with { SourceDepartment = "NO-SUCH-SOURCE" } : m)],
            },
        };
        using var refused = await op.PostAsJsonAsync("/api/catalogue/drafts", unknown, Json, ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        var named = errors.EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Equal(
            new HashSet<string> { "content.leadDepartment", "content.serviceItems[1]", "flowCard.legalBasis[1]", "flowCard.steps[0].department", $"flowCard.materials[{shared}].sourceDepartment" },
            named);
    }
}
