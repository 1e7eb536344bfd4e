using Microsoft.Extensions.Configuration;
using Talent.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = Infrastructure.Add(builder);
DashboardAccess.Check(builder, infrastructure);

// The gateway is the only public entry; the identity provider's issuer is its /identity/ path.
var gateway = builder.AddProject<Projects.Talent_Gateway>("gateway");
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/identity/");

var identity = builder.AddProject<Projects.Talent_Identity>("identity").WithTalentService(infrastructure, issuer).WithIdentityProvider(infrastructure, issuer, gateway.GetEndpoint("http"));
// The catalogue holds every item in memory (its search index and entries): a collection of its young objects cost 20-50 ms
// there whatever their number, and the default budget (16 MB here) meant 6-10 a second under `propagation`, 0.15-0.28 s
// of pauses a second; with 64 MB, 2-3 a second and 0.02-0.15 s. Only the variable sets it (System.GC.Gen0Size in
// runtimeconfig is not read: 122 collections for 2 GB of allocations with it, 30 with the variable).
var catalogue = builder.AddProject<Projects.Talent_Catalogue>("catalogue").WithTalentService(infrastructure, issuer)
    .WithEnvironment("DOTNET_GCgen0size", "0x4000000");
var applications = builder.AddProject<Projects.Talent_Applications>("applications").WithTalentService(infrastructure, issuer);
var feedback = builder.AddProject<Projects.Talent_Feedback>("feedback").WithTalentService(infrastructure, issuer);
var matching = builder.AddProject<Projects.Talent_Matching>("matching").WithTalentService(infrastructure, issuer);
// Notifications: the inbox, e-mail through the mail server (smtp4dev here, a real one with external infrastructure).
var mail = MailServer.Add(builder, infrastructure);
var notifications = builder.AddProject<Projects.Talent_Notifications>("notifications").WithTalentService(infrastructure, issuer)
    .WithMail(mail, infrastructure)
    .WithEnvironment("Notifications__PortalUrl", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/"));
// The data exchange with municipal systems at /exchange/v1: grants, the hash-chained call log, the change feed.
var exchange = builder.AddProject<Projects.Talent_Exchange>("exchange").WithTalentService(infrastructure, issuer);
// DEMONSTRATION (with demo data only): a stand-in municipal system the exchange asks for department records (免提交).
MunicipalStandIn.Add(builder, infrastructure, exchange, gateway.GetEndpoint("http"));
// The web portal at the gateway's root: talents and enterprises in a browser, the APIs called on their behalf.
var portal = builder.AddProject<Projects.Talent_Portal>("portal").WithPortal(infrastructure, issuer, gateway.GetEndpoint("http"));

// Talent:Replicas=N runs every service and the portal as N replicas behind one address each (the gateway stays one).
var replicas = builder.Configuration.GetValue("Talent:Replicas", 1);
if (replicas is < 1 or > 8)
{
    throw new DistributedApplicationException($"Talent:Replicas is {replicas}; give 1 to 8.");
}

// The tests' AppHosts randomize ports: there every service keeps DCP's proxy, whose ports are random, since a service's
// own port is the fixed one of its launch profile, which a system run by hand holds (the tests' gateway reached that
// system's services then).
var randomPorts = builder.Configuration.GetValue("DcpPublisher:RandomizePorts", false);
foreach (var service in new[] { identity, catalogue, applications, feedback, matching, notifications, exchange, portal })
{
    if (replicas > 1)
    {
        // DCP's proxy is the one address in front of the replicas, balancing between them.
        service.WithReplicas(replicas);
    }
    else if (!randomPorts)
    {
        // One replica: the gateway reaches the service's own port, without DCP's proxy in between (a hop that cost the
        // gateway's anonymous search a third of its throughput: tests/Talent.Benchmarks ceilings).
        service.WithEndpoint("http", endpoint => endpoint.IsProxied = false);
    }
}

// The dashboard's commands, each calling a service's own operator endpoint as the dashboard's operator client.
var commands = new OperatorCommands(issuer);
identity.WithEnvironment("Identity__DashboardClientSecret", commands.Secret);
commands.Add(catalogue, "reannounce-catalogue", "Re-announce the catalogue 重新广播目录", "/api/catalogue/announcements",
    "Publishes every item in the directory again, for a service that keeps a copy and missed events.", "ArrowSync",
    "Publish every item in the directory again? Services that keep a copy apply what they already hold without change.");
commands.Add(applications, "run-deadline-sweep", "Run the deadline sweep now 立即检查办理时限", "/api/applications/deadline-sweeps",
    "Raises the due-soon and overdue alerts now (each once) instead of at the sweep's next interval.", "Clock");
commands.Add(matching, "run-matching-batch", "Start a matching batch 开始批量匹配", "/api/matching/batches",
    "Proposes providers for every open demand now; the proposals go to the providers.", "PeopleTeam",
    "Propose providers for every open demand now? Providers are told of their proposals.");
foreach (var consumer in new[] { applications, feedback, matching, notifications })
{
    commands.Add(consumer, "move-error-queue-back", "Move error-queue messages back 重新投递失败消息", $"/api/{consumer.Resource.Name}/error-queues/move-back",
        "Moves the messages this service's consumers failed on back to their queues, to be consumed again (fix the cause first).", "ArrowRedo",
        "Move every message in this service's error queues back to be consumed again? Do it once the cause of the failures is fixed.");
}

commands.Add(identity, "rotate-signing-key", "Rotate the signing key 轮换签名密钥", "/api/keys/rotate",
    "Adds a newer signing key, used from each replica's next start; tokens signed before stay valid until they expire.", "KeyReset",
    "Rotate the token signing key? Each identity replica signs with the new key from its next start.");

// The catalogue publishes first (its demonstration items, and its re-announcement for a new consumer): it starts once its
// consumers are healthy, that is, once their queues are declared, so none of its events is dropped for want of a queue.
catalogue.WaitFor(applications).WaitFor(feedback).WaitFor(matching).WaitFor(notifications).WaitFor(exchange);
// Likewise the identity provider announces the people it knows once; applications, notifications and matching keep copies, so they listen first.
identity.WaitFor(applications).WaitFor(notifications).WaitFor(matching);

// The gateway opens last: by then every consumer has declared its queues, so no early event is dropped. It listens on its
// port itself (no DCP proxy in front), except where the ports are randomized (the tests' AppHosts), so that those never
// take :8080 from a system run by hand.
if (!randomPorts)
{
    gateway.WithEndpoint("http", endpoint => endpoint.IsProxied = false);
}

gateway
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithRunEnvironment(infrastructure)
    .WithSettingsFrom(builder.Configuration, "Gateway")
    .WithSettingsFrom(builder.Configuration, "Telemetry")
    .WithReference(identity).WaitFor(identity)
    .WithReference(catalogue).WaitFor(catalogue)
    .WithReference(applications).WaitFor(applications)
    .WithReference(feedback).WaitFor(feedback)
    .WithReference(matching).WaitFor(matching)
    .WithReference(notifications).WaitFor(notifications)
    .WithReference(exchange).WaitFor(exchange)
    .WithReference(portal).WaitFor(portal);

builder.Build().Run();
