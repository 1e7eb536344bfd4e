namespace Talent.Portal.Apis;

/// <summary>An API address with its query: the parts that have a value, each escaped, in the order given.</summary>
public static class QueryString
{
    public static string Of(string path, params (string Name, string? Value)[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? path : $"{path}?{string.Join('&', present)}";
    }
}
