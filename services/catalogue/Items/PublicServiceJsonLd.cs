using System.Text.Json.Nodes;
using Talent.Catalogue.Editing;
using Talent.Catalogue.References;
using Talent.Catalogue.Stages;

namespace Talent.Catalogue.Items;

/// <summary>
/// A published item as a CPSV-AP public service in JSON-LD (<c>Accept: application/ld+json</c>): identifier, title and
/// description by language, competent authority, channels, processing time (ISO 8601 duration, in working days), cost,
/// evidence (the materials), legal resources (the policies), requirements (eligibility), and the business or life events
/// (the lifecycle stages, or life services) that group it.
/// </summary>
public static class PublicServiceJsonLd
{
    public const string MediaType = "application/ld+json";

    public const string Base = "https://talent.example.org/catalogue/";

    public static JsonObject Of(ItemVersion version, Department? authority, IReadOnlyList<Policy> policies)
    {
        var content = version.Content;
        var card = version.FlowCard;
        return new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["cpsv"] = "http://purl.org/vocab/cpsv#",
                ["cv"] = "http://data.europa.eu/m8g/",
                ["dct"] = "http://purl.org/dc/terms/",
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["eli"] = "http://data.europa.eu/eli/ontology#",
                ["skos"] = "http://www.w3.org/2004/02/skos/core#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
                ["cv:processingTime"] = new JsonObject { ["@type"] = "xsd:duration" },
            },
            ["@id"] = $"{Base}items/{version.Code}",
            ["@type"] = "cpsv:PublicService",
            ["dct:identifier"] = version.Code,
            ["dct:title"] = Texts(content.TitleZh, content.TitleEn),
            ["dct:description"] = Texts(content.SummaryZh, content.SummaryEn),
            ["dcat:keyword"] = new JsonArray([.. content.Keywords.Select(k => (JsonNode?)Text(k, "zh"))]),
            ["cv:hasCompetentAuthority"] = new JsonObject
            {
                ["@id"] = $"{Base}departments/{content.LeadDepartment}",
                ["@type"] = "cv:PublicOrganisation",
                ["dct:identifier"] = content.LeadDepartment,
                ["skos:prefLabel"] = authority is null ? null : Texts(authority.NameZh, authority.NameEn),
            },
            ["cv:hasChannel"] = Channels(version),
            ["cv:processingTime"] = $"P{card.CommittedLimitDays}D",
            ["cv:hasCost"] = Costs(version),
            ["cpsv:hasInput"] = new JsonArray([.. card.Materials.Select(m => (JsonNode?)new JsonObject
            {
                ["@id"] = $"{Base}items/{version.Code}/evidence/{m.Code}",
                ["@type"] = "cv:Evidence",
                ["dct:identifier"] = m.Code,
                ["dct:title"] = Texts(m.NameZh, m.NameEn),
                ["dct:description"] = m.Description is null ? null : Text(m.Description, "zh"),
            })]),
            ["cv:holdsRequirement"] = new JsonArray([.. card.Eligibility.Select((e, i) => (JsonNode?)new JsonObject
            {
                ["@id"] = $"{Base}items/{version.Code}/requirements/{i + 1}",
                ["@type"] = "cv:Requirement",
                ["dct:title"] = Text(e, "zh"),
            })]),
            ["cv:hasLegalResource"] = new JsonArray([.. policies.Select(p => (JsonNode?)new JsonObject
            {
                ["@id"] = $"{Base}policies/{p.Code}",
                ["@type"] = "eli:LegalResource",
                ["dct:identifier"] = p.DocumentNumber ?? p.Code,
                ["dct:title"] = Texts(p.TitleZh, p.TitleEn),
            })]),
            ["cv:isGroupedBy"] = Events(content),
        }.WithoutNulls();
    }

    private static JsonArray Channels(ItemVersion version)
    {
        var channels = new JsonArray();
        var card = version.FlowCard;
        if (card.Channels.Online)
        {
            channels.Add(Channel(version.Code, "online", "网上办理", "Online"));
        }

        if (card.Channels.Mobile)
        {
            channels.Add(Channel(version.Code, "mobile", "掌上办理", "Mobile"));
        }

        for (var i = 0; i < card.Channels.Windows.Count; i++)
        {
            var window = card.Channels.Windows[i];
            var node = Channel(version.Code, $"window-{i + 1}", "窗口办理", "Service window");
            node["cv:openingHours"] = window.Hours;
            node["dct:description"] = Texts(window.AddressZh, window.AddressEn);
            channels.Add(node);
        }

        return channels;
    }

    private static JsonObject Channel(string code, string kind, string zh, string en) => new()
    {
        ["@id"] = $"{Base}items/{code}/channels/{kind}",
        ["@type"] = "cv:Channel",
        ["dct:type"] = Texts(zh, en),
    };

    private static JsonArray Costs(ItemVersion version)
    {
        var fees = version.FlowCard.Fees;
        if (fees.Count == 0)
        {
            return [new JsonObject { ["@type"] = "cv:Cost", ["cv:value"] = 0, ["cv:currency"] = "CNY", ["dct:description"] = Texts("不收费", "Free of charge") }];
        }

        return [.. fees.Select(f => (JsonNode?)new JsonObject
        {
            ["@type"] = "cv:Cost",
            ["cv:value"] = f.AmountYuan,
            ["cv:currency"] = "CNY",
            ["dct:description"] = Text(f.NameZh, "zh"),
        })];
    }

    private static JsonArray Events(ItemContent content)
    {
        if (content.Category == ItemCategory.Life)
        {
            return [new JsonObject { ["@id"] = $"{Base}events/life-services", ["@type"] = "cv:LifeEvent", ["dct:title"] = Texts("生活服务", "Life services") }];
        }

        return [.. content.Stages.Select(s => (JsonNode?)new JsonObject
        {
            ["@id"] = $"{Base}events/{StageNames.Code(s)}",
            ["@type"] = "cv:BusinessEvent",
            ["dct:identifier"] = StageNames.Code(s),
            ["dct:title"] = Texts(StageNames.Zh(s), StageNames.En(s)),
        })];
    }

    private static JsonArray Texts(string zh, string? en)
    {
        var texts = new JsonArray(Text(zh, "zh"));
        if (!string.IsNullOrWhiteSpace(en))
        {
            texts.Add(Text(en, "en"));
        }

        return texts;
    }

    private static JsonObject Text(string value, string language) => new() { ["@value"] = value, ["@language"] = language };

    private static JsonObject WithoutNulls(this JsonObject node)
    {
        foreach (var key in node.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            node.Remove(key);
        }

        foreach (var child in node.Select(p => p.Value).OfType<JsonObject>())
        {
            child.WithoutNulls();
        }

        foreach (var child in node.Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>())
        {
            child.WithoutNulls();
        }

        return node;
    }
}
