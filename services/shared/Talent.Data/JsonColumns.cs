using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Data;

/// <summary>A value stored as one jsonb column, compared by its JSON so that edits inside it are saved.</summary>
public static class JsonColumns
{
    public static PropertyBuilder<T> HasJsonColumn<T>(this PropertyBuilder<T> property, string column, JsonSerializerOptions options)
        where T : new() =>
        property.HasColumnName(column).HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, options),
            json => JsonSerializer.Deserialize<T>(json, options) ?? new T(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options),
                value => JsonSerializer.Serialize(value, options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, options), options) ?? new T()));
}
