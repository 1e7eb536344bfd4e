using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Talent.Catalogue.FlowCards;

namespace Talent.Catalogue.Editing;

/// <summary>One field that differs between two versions, by its JSON path (e.g. <c>flowCard.steps[1].limitDays</c>).</summary>
public sealed record FieldChange(string Path, string? Before, string? After);

/// <summary>The field-by-field difference between two versions of an item (content and flow card).</summary>
public static class VersionDiff
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static IReadOnlyList<FieldChange> Between(ItemContent beforeContent, FlowCard beforeCard, ItemContent afterContent, FlowCard afterCard)
    {
        var before = Flatten(beforeContent, beforeCard);
        var after = Flatten(afterContent, afterCard);
        return [.. before.Keys.Union(after.Keys)
            .Order(StringComparer.Ordinal)
            .Select(path => new FieldChange(path, before.GetValueOrDefault(path), after.GetValueOrDefault(path)))
            .Where(change => change.Before != change.After)];
    }

    private static Dictionary<string, string?> Flatten(ItemContent content, FlowCard card)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(JsonSerializer.SerializeToNode(content, Json), "", values);
        Walk(JsonSerializer.SerializeToNode(card, Json), "flowCard", values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", values);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", values);
                }

                break;
            default:
                values[path] = node?.ToJsonString();
                break;
        }
    }
}
