using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Talent.Services.Tests;

/// <summary>
/// A valid-shaped JSON body for a request type, built from the service's own JSON contract (property names, enum
/// converters), and the leaves of that body a bad-input case replaces: strings, numbers, enums, ids and dates.
/// </summary>
public sealed class BadInputBodies(JsonSerializerOptions json)
{
    private const int MaxDepth = 5;

    public enum LeafKind { String, Number, Enum, Guid, Date, Boolean, Other }

    /// <summary>A leaf of a sample body: where it is (property names and array indexes) and what it holds.</summary>
    public sealed record Leaf(IReadOnlyList<object> Path, LeafKind Kind)
    {
        public string Name => string.Concat(Path.Select((p, i) => p is int n ? $"[{n}]" : (i == 0 ? "" : ".") + p));
    }

    /// <summary>The sample body and its leaves; <c>{}</c> with no leaves when the type is unknown.</summary>
    public (JsonNode Body, IReadOnlyList<Leaf> Leaves) Sample(Type? type)
    {
        var leaves = new List<Leaf>();
        var node = type is null ? new JsonObject() : Build(type, [], leaves, 0) ?? new JsonObject();
        return (node, leaves);
    }

    /// <summary>A copy of the body with one leaf replaced.</summary>
    public static JsonNode With(JsonNode body, Leaf leaf, JsonNode? value)
    {
        var copy = body.DeepClone();
        var parent = copy;
        foreach (var step in leaf.Path.SkipLast(1))
        {
            parent = step is int i ? parent[i]! : parent[(string)step]!;
        }

        switch (leaf.Path[^1])
        {
            case int index:
                parent.AsArray()[index] = value;
                break;
            case string name:
                parent.AsObject()[name] = value;
                break;
        }

        return copy;
    }

    private JsonNode? Build(Type type, List<object> path, List<Leaf> leaves, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Primitive(type) is { } primitive)
        {
            leaves.Add(new Leaf([.. path], primitive.Kind));
            return primitive.Value;
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        var info = json.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                var obj = new JsonObject();
                foreach (var property in info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null))
                {
                    obj[property.Name] = Build(property.PropertyType, [.. path, property.Name], leaves, depth + 1);
                }

                return obj;
            case JsonTypeInfoKind.Enumerable:
                return new JsonArray(Build(info.ElementType!, [.. path, 0], leaves, depth + 1));
            case JsonTypeInfoKind.Dictionary:
                return new JsonObject { ["sample"] = Build(info.ElementType!, [.. path, "sample"], leaves, depth + 1) };
            default:
                leaves.Add(new Leaf([.. path], LeafKind.Other));
                return JsonValue.Create("sample");
        }
    }

    private (LeafKind Kind, JsonNode? Value)? Primitive(Type type)
    {
        if (type.IsEnum)
        {
            return (LeafKind.Enum, JsonSerializer.SerializeToNode(Enum.GetValues(type).GetValue(0), type, json));
        }

        return type switch
        {
            _ when type == typeof(string) || type == typeof(char) => (LeafKind.String, JsonValue.Create("sample")),
            _ when type == typeof(bool) => (LeafKind.Boolean, JsonValue.Create(true)),
            _ when type == typeof(Guid) => (LeafKind.Guid, JsonValue.Create(Guid.NewGuid())),
            _ when type == typeof(DateOnly) => (LeafKind.Date, JsonValue.Create(DateTime.UtcNow.ToString("yyyy-MM-dd"))),
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => (LeafKind.Date, JsonValue.Create(DateTimeOffset.UtcNow)),
            _ when type == typeof(TimeSpan) || type == typeof(TimeOnly) => (LeafKind.Other, JsonValue.Create("01:00:00")),
            _ when type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(object) => (LeafKind.Other, JsonValue.Create("sample")),
            _ when type.IsPrimitive || type == typeof(decimal) => (LeafKind.Number, JsonValue.Create(1)),
            _ => null,
        };
    }
}
