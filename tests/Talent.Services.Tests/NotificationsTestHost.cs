extern alias notifications;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using notifications::Talent.Notifications.Data;
using notifications::Talent.Notifications.Deliveries;
using Talent.Contracts.Applications;
using Talent.Contracts.Feedback;
using Talent.Contracts.Matching;
using Talent.Contracts.People;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The notifications service for a test: started against a test SMTP server, fed events, read back.</summary>
internal static class NotificationsTestHost
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static PersonChanged Staff(string subject, string department, bool disabled) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, subject, $"职员 {subject}", ["staff"], department, null, disabled, $"{subject}@example.org", null, "zh-CN");

    public static Task<ServiceHost<notifications::Program>> StartAsync(TestSmtpServer smtp, CapturedLogs logs, params (string Key, string Value)[] settings) =>
        ServiceHost<notifications::Program>.StartAsync("notifications", services => services.AddSingleton<ILoggerProvider>(logs),
        [
            ("Notifications:Smtp:Host", "127.0.0.1"),
            ("Notifications:Smtp:Port", smtp.Port.ToString()),
            ("Notifications:Smtp:Security", "None"),
            ("Notifications:Smtp:Timeout", "00:00:05"),
            ("Notifications:Delivery:PollInterval", "00:00:00.200"),
            ("Notifications:Delivery:FirstBackoff", "00:00:00.300"),
            ("Notifications:Delivery:MaxBackoff", "00:00:01"),
            ("Logging:LogLevel:Talent.Notifications", "Information"),
            .. settings,
        ]);

    public static PersonChanged Person(string subject, string name, string email, string? language) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, subject, name, ["applicant"], null, "talent", false, email, "+86-023-6000-0001", language);

    public static ApplicationReturnedForSupplement Returned(string applicant, string reference, string note) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), reference, applicant, "TALENT-HOUSING", "HRSS", "demo-staff-hr", note);

    public static Task PublishAsync<T>(IBus bus, T message, CancellationToken ct)
        where T : class, Talent.Contracts.IIntegrationEvent =>
        bus.Publish(message, c => c.MessageId = message.EventId, ct);

    public static async Task<JsonElement> InboxAsync(HttpClient client, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>("/api/notifications/mine", ct);

    public static async Task<T> ReadAsync<T>(ServiceHost<notifications::Program> host, Func<NotificationsDbContext, Task<T>> read)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }
}

/// <summary>What the service logged, for the one fact a test can only see there: a redelivery skipped by the inbox.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public bool Any(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
