namespace Talent.Benchmarks;

public sealed record Options(IReadOnlyDictionary<string, string> Values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(values);
    }

    public string Get(string name, string fallback) => Values.TryGetValue(name, out var v) ? v : fallback;

    public int Get(string name, int fallback) => Values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

    public Uri Gateway => new(Get("gateway", "http://localhost:8080"));
}
