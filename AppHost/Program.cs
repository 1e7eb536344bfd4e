using Talent.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = Infrastructure.Add(builder);

var catalogue = builder.AddProject<Projects.Talent_Catalogue>("catalogue").WithTalentService(infrastructure);
var applications = builder.AddProject<Projects.Talent_Applications>("applications").WithTalentService(infrastructure);
var feedback = builder.AddProject<Projects.Talent_Feedback>("feedback").WithTalentService(infrastructure);
var matching = builder.AddProject<Projects.Talent_Matching>("matching").WithTalentService(infrastructure);

// The gateway opens last: by then every consumer has declared its queues, so no early event is dropped.
builder.AddProject<Projects.Talent_Gateway>("gateway")
    .WithExternalHttpEndpoints()
    .WithSettingsFrom(builder.Configuration, "Gateway")
    .WithSettingsFrom(builder.Configuration, "Telemetry")
    .WithHttpHealthCheck("/health")
    .WithReference(catalogue).WaitFor(catalogue)
    .WithReference(applications).WaitFor(applications)
    .WithReference(feedback).WaitFor(feedback)
    .WithReference(matching).WaitFor(matching);

builder.Build().Run();
