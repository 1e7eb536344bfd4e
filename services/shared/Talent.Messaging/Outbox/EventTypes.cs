using System.Collections.Frozen;
using Talent.Contracts;

namespace Talent.Messaging.Outbox;

/// <summary>
/// The integration events the relay may publish: every <see cref="IIntegrationEvent"/> in the contracts
/// assembly, by full name. The outbox never loads a type from an arbitrary stored string.
/// </summary>
public static class EventTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = typeof(IIntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);

    public static string NameOf(Type eventType) =>
        ByName.ContainsKey(eventType.FullName ?? "")
            ? eventType.FullName!
            : throw new ArgumentException($"{eventType} is not an integration event of the contracts assembly.", nameof(eventType));

    public static bool TryResolve(string name, out Type type) => ByName.TryGetValue(name, out type!);

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown integration event type '{name}' in the outbox.");
}
