using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Data;

/// <summary>A value stored as one jsonb column.</summary>
public static class JsonColumns
{
    /// <summary>
    /// A value that may be changed in place (a list appended to): compared by its JSON so that edits inside it are saved;
    /// every load takes a copy of it (a serialization and a parse), every save compares by serializing both.
    /// </summary>
    public static PropertyBuilder<T> HasJsonColumn<T>(this PropertyBuilder<T> property, string column, JsonSerializerOptions options)
        where T : new() =>
        property.HasColumnName(column).HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, options),
            json => JsonSerializer.Deserialize<T>(json, options) ?? new T(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options),
                value => JsonSerializer.Serialize(value, options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, options), options) ?? new T()));

    /// <summary>
    /// A value never changed in place, only replaced (a record of init-only properties and read-only lists): the snapshot
    /// is the value itself, and an unchanged value is told by reference without serializing it. A publication loads and
    /// saves a version's content and flow card three times, each copied on load and serialized twice more to compare.
    /// Its lists arrive as <c>List&lt;T&gt;</c> behind <c>IReadOnlyList&lt;T&gt;</c>: never cast one back and change it (the
    /// change would not be saved, and a new draft shares its lists with the version it starts from).
    /// </summary>
    public static PropertyBuilder<T> HasImmutableJsonColumn<T>(this PropertyBuilder<T> property, string column, JsonSerializerOptions options)
        where T : class, new() =>
        property.HasColumnName(column).HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, options),
            json => JsonSerializer.Deserialize<T>(json, options) ?? new T(),
            new ValueComparer<T>(
                (a, b) => ReferenceEquals(a, b) || (a != null && b != null && JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options)),
                value => JsonSerializer.Serialize(value, options).GetHashCode(StringComparison.Ordinal),
                value => value));
}
