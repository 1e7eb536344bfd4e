using Microsoft.Extensions.Logging;

namespace Talent.SystemTests;

/// <summary>
/// Writes what the system's resources log (the services' own output, which the AppHost forwards under categories with
/// <c>.Resources.</c>) to a test artefact, <c>TestResults/artifacts/logs/{name}.log</c>, so a failure can be read against
/// what every service did at that moment.
/// </summary>
internal sealed partial class ArtifactLog : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public ArtifactLog(string name)
    {
        var folder = Environment.GetEnvironmentVariable("TALENT_TEST_ARTIFACTS") is { Length: > 0 } artifacts
            ? Path.Combine(artifacts, "logs")
            : Path.Combine(AppContext.BaseDirectory, "logs");
        Directory.CreateDirectory(folder);
        _writer = new StreamWriter(Path.Combine(folder, name + ".log"), append: false) { AutoFlush = true };
    }

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private readonly List<(DateTimeOffset At, string Resource, string Line)> _errors = [];

    /// <summary>
    /// What the named resources logged at error or critical level up to <paramref name="until"/> (the time the resource
    /// wrote it): a .NET service's console formatter writes such an entry as <c>fail:</c> or <c>crit:</c> (its structured
    /// log, the dashboard's, has the same level).
    /// </summary>
    public IReadOnlyList<string> ErrorsOf(IReadOnlySet<string> resources, DateTimeOffset until)
    {
        lock (_gate)
        {
            return [.. _errors.Where(e => resources.Contains(e.Resource) && e.At <= until).Select(e => $"{e.At:HH:mm:ss.fff} {e.Resource}: {e.Line}")];
        }
    }

    private void Write(string category, LogLevel level, string message)
    {
        var resource = category[(category.LastIndexOf(".Resources.", StringComparison.Ordinal) + ".Resources.".Length)..];
        var at = DateTimeOffset.UtcNow;
        // Forwarded console lines read "{line}: {timestamp}Z fail: Category[id]", coloured.
        var plain = Ansi().Replace(message, "");
        lock (_gate)
        {
            _writer.WriteLine($"{at:HH:mm:ss.fff} {resource} {level}: {message}");
            if (ErrorEntry().Match(plain) is { Success: true } entry && DateTimeOffset.TryParse(entry.Groups[1].Value, null, System.Globalization.DateTimeStyles.AssumeUniversal, out var written))
            {
                _errors.Add((written, resource, plain));
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial System.Text.RegularExpressions.Regex Ansi();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+: (\S+Z) (fail|crit): ")]
    private static partial System.Text.RegularExpressions.Regex ErrorEntry();

    private sealed class Writer(ArtifactLog log, string category) : ILogger
    {
        private readonly bool _resource = category.Contains(".Resources.", StringComparison.Ordinal);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _resource && logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write(category, logLevel, formatter(state, exception));
            }
        }
    }
}
