using System.Collections.Concurrent;
using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Talent.Services.Tests;

/// <summary>
/// A stand-in for a Dapr sidecar (no daprd can be installed here, STACK.md): a gRPC server on loopback HTTP/2 that serves
/// the Dapr runtime API's <c>InvokeBinding</c> and <c>PublishEvent</c> and keeps each call, or refuses them while
/// <see cref="Refusing"/>. It is a contract test of our calls through <c>Dapr.Client</c> (binding or topic, data, content
/// type, metadata), not a test of Dapr.
/// </summary>
public sealed class StandInDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInDaprSidecar(WebApplication app, Calls calls)
    {
        _app = app;
        Received = calls;
    }

    public Calls Received { get; }

    public string Endpoint => _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    public bool Refusing { get => Received.Refusing; set => Received.Refusing = value; }

    public static async Task<StandInDaprSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var calls = new Calls();
        builder.Services.AddSingleton(calls);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<BindingService>();
        await app.StartAsync();
        return new StandInDaprSidecar(app, calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>What the sidecar was asked: one entry per binding call it accepted.</summary>
    public sealed class Calls
    {
        private readonly ConcurrentQueue<InvokeBindingRequest> _accepted = new();
        private readonly ConcurrentQueue<PublishEventRequest> _published = new();

        public bool Refusing { get; set; }

        public int Refused;

        /// <summary>Of <see cref="Refused"/>, the pub/sub publications.</summary>
        public int RefusedPublications;

        public IReadOnlyList<InvokeBindingRequest> Accepted => [.. _accepted];

        /// <summary>One entry per pub/sub publication it accepted.</summary>
        public IReadOnlyList<PublishEventRequest> Published => [.. _published];

        internal void Add(InvokeBindingRequest request) => _accepted.Enqueue(request);

        internal void Add(PublishEventRequest request) => _published.Enqueue(request);
    }

    /// <summary>The calls of <c>dapr.proto.runtime.v1.Dapr</c> the services make (bindings: notifications for SMS, the exchange for webhooks; pub/sub: the exchange), bound by hand (Dapr.Protos has no server base).</summary>
    [BindServiceMethod(typeof(BindingService), nameof(BindService))]
    public class BindingService(Calls calls)
    {
        private static readonly Method<InvokeBindingRequest, InvokeBindingResponse> InvokeBindingMethod = new(
            MethodType.Unary, "dapr.proto.runtime.v1.Dapr", "InvokeBinding",
            Marshallers.Create(r => r.ToByteArray(), InvokeBindingRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), InvokeBindingResponse.Parser.ParseFrom));

        private static readonly Method<PublishEventRequest, Google.Protobuf.WellKnownTypes.Empty> PublishEventMethod = new(
            MethodType.Unary, "dapr.proto.runtime.v1.Dapr", "PublishEvent",
            Marshallers.Create(r => r.ToByteArray(), PublishEventRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), Google.Protobuf.WellKnownTypes.Empty.Parser.ParseFrom));

        public static void BindService(ServiceBinderBase binder, BindingService? service)
        {
            binder.AddMethod(InvokeBindingMethod, service is null ? null! : (UnaryServerMethod<InvokeBindingRequest, InvokeBindingResponse>)service.InvokeBinding);
            binder.AddMethod(PublishEventMethod, service is null ? null! : (UnaryServerMethod<PublishEventRequest, Google.Protobuf.WellKnownTypes.Empty>)service.PublishEvent);
        }

        // Named as the RPC and virtual: the gRPC binder finds the handler by name, as an override of the bound type's method.
        public virtual Task<InvokeBindingResponse> InvokeBinding(InvokeBindingRequest request, ServerCallContext context)
        {
            if (calls.Refusing)
            {
                Interlocked.Increment(ref calls.Refused);
                throw new RpcException(new Status(StatusCode.Unavailable, "the binding's target is unavailable (stand-in)"));
            }

            calls.Add(request);
            return Task.FromResult(new InvokeBindingResponse());
        }

        public virtual Task<Google.Protobuf.WellKnownTypes.Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
        {
            if (calls.Refusing)
            {
                Interlocked.Increment(ref calls.Refused);
                Interlocked.Increment(ref calls.RefusedPublications);
                throw new RpcException(new Status(StatusCode.Unavailable, "the pub/sub component is unavailable (stand-in)"));
            }

            calls.Add(request);
            return Task.FromResult(new Google.Protobuf.WellKnownTypes.Empty());
        }
    }
}
