using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Talent.Data;

/// <summary>
/// Text that cannot be stored: a NUL character (U+0000), which PostgreSQL refuses when it binds a statement's parameters,
/// as it refuses the <c>\u0000</c> escape and an escaped half of a surrogate pair in a jsonb value; and a lone surrogate,
/// which is no UTF-8 at all (Npgsql's encoder throws as it writes). Such a value is stopped before the statement is sent
/// (<see cref="StorableTextGuard"/>): with statements prepared, a refusal at bind time left the connection out of step
/// with the server (Npgsql read a stray row for the next query on it).
/// </summary>
public static class StorableText
{
    /// <summary>Whether PostgreSQL can hold <paramref name="text"/>; as jsonb, also without an escape it refuses.</summary>
    public static bool IsStorable(string text, bool json = false) =>
        !text.Contains('\0') && WellFormed(text) && !(json && HasRefusedEscape(text));

    private static bool WellFormed(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return true;
        }

        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An escape jsonb refuses: <c>\u0000</c>, or half of a surrogate pair (<c>\ud800</c> not followed at once by a low
    /// one, or a low one alone).
    /// </summary>
    private static bool HasRefusedEscape(string json)
    {
        var lowExpectedAt = -1;
        for (var at = json.IndexOf("\\u", StringComparison.Ordinal); at >= 0; at = json.IndexOf("\\u", at + 1, StringComparison.Ordinal))
        {
            if (!IsEscape(json, at) || at + 6 > json.Length
                || !ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                continue;
            }

            var unit = (char)code;
            if (lowExpectedAt >= 0)
            {
                if (at != lowExpectedAt || !char.IsLowSurrogate(unit))
                {
                    return true;
                }

                lowExpectedAt = -1;
            }
            else if (unit == '\0' || char.IsLowSurrogate(unit))
            {
                return true;
            }
            else if (char.IsHighSurrogate(unit))
            {
                lowExpectedAt = at + 6;
            }
        }

        return lowExpectedAt >= 0;
    }

    /// <summary>Whether the backslash at <paramref name="at"/> starts an escape: an odd number of backslashes ends there.</summary>
    private static bool IsEscape(string json, int at)
    {
        var backslashes = 0;
        while (at - backslashes >= 0 && json[at - backslashes] == '\\')
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}

/// <summary>A value PostgreSQL cannot hold, stopped before it was sent (<see cref="StorableText"/>): the client's mistake, a 400.</summary>
public sealed class UnstorableTextException(string parameter)
    : Exception($"Parameter {parameter} holds text PostgreSQL cannot store (a NUL character, half of a surrogate pair, or either escaped in JSON); the statement was not sent.");

/// <summary>
/// Checks every text parameter (and text array) of the statements EF Core sends against <see cref="StorableText"/>.
/// Endpoints check their fields first and name them; this is the net under them that keeps prepared statements safe.
/// </summary>
public sealed class StorableTextGuard : DbCommandInterceptor
{
    public static readonly StorableTextGuard Instance = new();

    /// <summary>Every statement EF Core sends (queries, saves, raw SQL, sync or async) passes here once its parameters are set.</summary>
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Check(result);
        return result;
    }

    private static void Check(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            var storable = parameter.Value switch
            {
                string text => StorableText.IsStorable(text, IsJson(parameter)),
                IEnumerable<string?> texts => texts.All(t => t is null || StorableText.IsStorable(t)),
                _ => true,
            };
            if (!storable)
            {
                throw new UnstorableTextException(parameter.ParameterName);
            }
        }
    }

    private static bool IsJson(DbParameter parameter) =>
        parameter is NpgsqlParameter { NpgsqlDbType: NpgsqlDbType.Jsonb or NpgsqlDbType.Json }
        || (parameter is NpgsqlParameter { DataTypeName: { } type } && type.Contains("json", StringComparison.OrdinalIgnoreCase));
}
