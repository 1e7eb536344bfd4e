using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Talent.Testing;

/// <summary>A fresh RabbitMQ virtual host (through the management API), deleted on dispose.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    public string Name { get; }

    /// <summary>The AMQP address of this virtual host, as services take it (<c>ConnectionStrings__messaging</c>).</summary>
    public Uri Amqp { get; }

    private TestVirtualHost(HttpClient management, string name, Uri amqp)
    {
        _management = management;
        Name = name;
        Amqp = amqp;
    }

    public static async Task<TestVirtualHost> CreateAsync(string prefix = "test")
    {
        var servers = await TestInfrastructure.GetAsync();
        var management = ManagementClient(servers.RabbitMqManagement);
        var name = $"{prefix}-{Guid.NewGuid():N}";
        var user = Uri.UnescapeDataString(servers.RabbitMq.UserInfo.Split(':')[0]);
        (await ManageAsync(() => management.PutAsync($"api/vhosts/{name}", null))).Dispose();
        (await ManageAsync(() => management.PutAsJsonAsync($"api/permissions/{name}/{user}", new { configure = ".*", write = ".*", read = ".*" }))).Dispose();
        var amqp = new UriBuilder(servers.RabbitMq) { Path = "/" + Uri.EscapeDataString(name) }.Uri;
        return new TestVirtualHost(management, name, amqp);
    }

    /// <summary>
    /// Messages ready in a queue of this virtual host, or null while the queue does not exist: asked over AMQP (a passive
    /// declare), which answers at once, where the management API's figures lag by up to its five-second statistics interval.
    /// </summary>
    public async Task<long?> ReadyMessagesAsync(string queue)
    {
        // A channel per question (a 404 closes it), on one connection kept for the virtual host's life.
        await using var channel = await (await ConnectionAsync()).CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>The first queue of this virtual host whose name contains <paramref name="part"/> (error queues aside).</summary>
    public async Task<string?> QueueNamedLikeAsync(string part)
    {
        using var response = await ManageAsync(() => _management.GetAsync($"api/queues/{Name}"));
        var queues = await response.Content.ReadFromJsonAsync<List<QueueName>>() ?? [];
        return queues.Select(q => q.Name).FirstOrDefault(n => n.Contains(part, StringComparison.Ordinal) && !n.EndsWith("_error", StringComparison.Ordinal) && !n.EndsWith("_skipped", StringComparison.Ordinal));
    }

    /// <summary>A queue's type as the broker reports it (<c>classic</c>, <c>quorum</c>, <c>stream</c>), or null while it does not exist.</summary>
    public async Task<string?> QueueTypeAsync(string queue)
    {
        using var response = await ManageAsync(() => _management.GetAsync($"api/queues/{Name}/{Uri.EscapeDataString(queue)}"), notFound: true);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        return (await response.Content.ReadFromJsonAsync<QueueType>())?.Type;
    }

    /// <summary>
    /// The bodies of up to <paramref name="count"/> messages at the head of a queue, left in it (the management API's
    /// "Get messages" with requeue); empty while the queue does not exist.
    /// </summary>
    public async Task<IReadOnlyList<string>> PeekAsync(string queue, int count = 10)
    {
        using var response = await ManageAsync(() => _management.PostAsJsonAsync($"api/queues/{Name}/{queue}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = 50_000 }), notFound: true);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }

        var messages = await response.Content.ReadFromJsonAsync<List<PeekedMessage>>() ?? [];
        return [.. messages.Select(m => m.Payload)];
    }

    /// <summary>
    /// The connection the AMQP questions share. Polled a few times a second, a new connection each time meant a handshake
    /// each time, and a loaded broker sometimes resets one (seen in a fresh run: the quorum test failed on it); opened once,
    /// and tried three times, half a second apart.
    /// </summary>
    private async Task<IConnection> ConnectionAsync()
    {
        await _connecting.WaitAsync();
        try
        {
            for (var attempt = 1; _connection is not { IsOpen: true }; attempt++)
            {
                try
                {
                    _connection = await new ConnectionFactory { Uri = Amqp, ClientProvidedName = "talent-tests-" + Name }.CreateConnectionAsync();
                }
                catch (BrokerUnreachableException) when (attempt < 3)
                {
                    await Task.Delay(500 * attempt);
                }
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>
    /// A management API request, sent again while the broker answers 5xx or the connection fails, for up to
    /// <see cref="ManagementPatience"/>: the API answers 500 now and then while other virtual hosts are being created or
    /// deleted (seen in CI: a test failed on it). Every request sent here is safe to repeat. Any other failure throws.
    /// </summary>
    private static async Task<HttpResponseMessage> ManageAsync(Func<Task<HttpResponseMessage>> send, bool notFound = false)
    {
        var deadline = DateTime.UtcNow + ManagementPatience;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await send();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // No answer (the client's own timeout, ManagementTimeout) or a refused connection: asked again.
            }

            if (response is not null)
            {
                if (response.IsSuccessStatusCode || (notFound && response.StatusCode == System.Net.HttpStatusCode.NotFound))
                {
                    return response;
                }

                if ((int)response.StatusCode < 500 || DateTime.UtcNow >= deadline)
                {
                    using (response)
                    {
                        response.EnsureSuccessStatusCode();
                    }
                }

                response.Dispose();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * attempt, 1000)));
        }
    }

    private static readonly TimeSpan ManagementPatience = TimeSpan.FromSeconds(30);

    /// <summary>How long one management request may take before it is given up (and, within the patience, sent again).</summary>
    private static readonly TimeSpan ManagementTimeout = TimeSpan.FromSeconds(10);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
        try
        {
            using var _ = await ManageAsync(() => _management.DeleteAsync($"api/vhosts/{Name}"), notFound: true);
        }
        catch (HttpRequestException)
        {
            // Left behind (the broker is its test run's own): a test that passed does not fail on its clean-up.
        }

        _management.Dispose();
    }

    private static HttpClient ManagementClient(Uri management)
    {
        var parts = management.UserInfo.Split(':', 2);
        var client = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "", Path = "/" }.Uri, Timeout = ManagementTimeout };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.UnescapeDataString(parts[0])}:{Uri.UnescapeDataString(parts.ElementAtOrDefault(1) ?? "")}"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    private sealed record PeekedMessage([property: System.Text.Json.Serialization.JsonPropertyName("payload")] string Payload);

    private sealed record QueueType([property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type);

    private sealed record QueueName([property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name);
}
