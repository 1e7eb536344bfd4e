using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace Talent.Gateway.Tests;

/// <summary>
/// The gateway in-process with stand-ins for the services behind it: what it forwards and which service's
/// <c>/health</c> it asks are recorded and answered here. A request's client address is taken from
/// <see cref="AddressHeader"/>, so a test can speak from several addresses.
/// </summary>
internal sealed class GatewayFakeServices
{
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>Path and query of every forwarded request, as the service would receive it.</summary>
    public ConcurrentQueue<string> Forwarded { get; } = new();

    /// <summary>The client address and scheme each forwarded request told the service (<c>X-Forwarded-For</c>, <c>-Proto</c>).</summary>
    public ConcurrentQueue<(string? For, string? Proto)> ForwardedClients { get; } = new();

    /// <summary>How many times each service's <c>/health</c> was asked.</summary>
    public ConcurrentDictionary<string, int> HealthAsked { get; } = new();

    /// <summary>What a service's <c>/health</c> answers (the service's name in, the response out).</summary>
    public Func<string, HttpResponseMessage> Health { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.OK);

    public WebApplicationFactory<Program> Gateway(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Logging:LogLevel:Default", "Error");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IForwarderHttpClientFactory>(new Forwarder(this));
                services.AddHttpClient("downstream-health").ConfigurePrimaryHttpMessageHandler(() => new HealthProbe(this));
                services.AddSingleton<IStartupFilter>(new ClientAddressFromHeader());
            });
        });

    public static HttpRequestMessage From(string address, HttpMethod method, string path, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(AddressHeader, address);
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    /// <summary>An unsigned JWT with this subject: the gateway reads it without validating (the services validate).</summary>
    public static string TokenOf(string subject) =>
        $"{Base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\"}")}.{Base64Url($"{{\"sub\":\"{subject}\",\"scope\":\"catalogue\"}}")}.c2ln";

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));

    private sealed class Forwarder(GatewayFakeServices fake) : IForwarderHttpClientFactory
    {
        public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) => new(new Answer(request =>
        {
            fake.Forwarded.Enqueue(request.RequestUri!.PathAndQuery);
            fake.ForwardedClients.Enqueue((Header(request, "X-Forwarded-For"), Header(request, "X-Forwarded-Proto")));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("forwarded") };
        }));
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private sealed class HealthProbe(GatewayFakeServices fake) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var service = request.RequestUri!.Host;
            fake.HealthAsked.AddOrUpdate(service, 1, (_, n) => n + 1);
            return Task.FromResult(fake.Health(service));
        }
    }

    private sealed class Answer(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return proceed();
            });
            next(app);
        };
    }
}
