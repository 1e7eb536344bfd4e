using Microsoft.Extensions.Logging;

namespace Talent.SystemTests;

/// <summary>
/// Writes what the system's resources log (the services' own output, which the AppHost forwards under categories with
/// <c>.Resources.</c>) to a test artefact, <c>TestResults/artifacts/logs/{name}.log</c>, so a failure can be read against
/// what every service did at that moment.
/// </summary>
internal sealed class ArtifactLog : ILoggerProvider
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

    private void Write(string category, LogLevel level, string message)
    {
        var resource = category[(category.LastIndexOf(".Resources.", StringComparison.Ordinal) + ".Resources.".Length)..];
        lock (_gate)
        {
            _writer.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {resource} {level}: {message}");
        }
    }

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
