using Talent.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = Infrastructure.Add(builder);

// The gateway is the only public entry; the identity provider's issuer is its /identity/ path.
var gateway = builder.AddProject<Projects.Talent_Gateway>("gateway");
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/identity/");

var identity = builder.AddProject<Projects.Talent_Identity>("identity").WithTalentService(infrastructure, issuer).WithIdentityProvider(infrastructure, issuer, gateway.GetEndpoint("http"));
var catalogue = builder.AddProject<Projects.Talent_Catalogue>("catalogue").WithTalentService(infrastructure, issuer);
var applications = builder.AddProject<Projects.Talent_Applications>("applications").WithTalentService(infrastructure, issuer);
var feedback = builder.AddProject<Projects.Talent_Feedback>("feedback").WithTalentService(infrastructure, issuer);
var matching = builder.AddProject<Projects.Talent_Matching>("matching").WithTalentService(infrastructure, issuer);
// The web portal at the gateway's root: talents and enterprises in a browser, the APIs called on their behalf.
var portal = builder.AddProject<Projects.Talent_Portal>("portal").WithPortal(infrastructure, issuer, gateway.GetEndpoint("http"));

// The catalogue publishes first (its demonstration items, and its re-announcement for a new consumer): it starts once its
// consumers are healthy, that is, once their queues are declared, so none of its events is dropped for want of a queue.
catalogue.WaitFor(applications).WaitFor(feedback).WaitFor(matching);
// Likewise the identity provider announces the people it knows once; applications keeps the copy, so it listens first.
identity.WaitFor(applications);

// The gateway opens last: by then every consumer has declared its queues, so no early event is dropped.
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
    .WithReference(portal).WaitFor(portal);

builder.Build().Run();
