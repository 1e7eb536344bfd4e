using Talent.Catalogue.FlowCards;

namespace Talent.Catalogue.References;

/// <summary>The reference codes as sets, loaded once per request from the database.</summary>
public sealed class ReferenceCodes(IEnumerable<string> departments, IEnumerable<string> policies, IEnumerable<string> serviceItems) : IReferenceCodes
{
    private readonly HashSet<string> _departments = [.. departments];
    private readonly HashSet<string> _policies = [.. policies];
    private readonly HashSet<string> _serviceItems = [.. serviceItems];

    public bool IsDepartment(string code) => _departments.Contains(code);

    public bool IsPolicy(string code) => _policies.Contains(code);

    public bool IsServiceItem(string code) => _serviceItems.Contains(code);
}
