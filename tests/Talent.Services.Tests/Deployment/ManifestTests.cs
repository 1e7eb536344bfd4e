using k8s;
using k8s.Models;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests.Deployment;

/// <summary>
/// The Kubernetes manifests (deploy/k8s, #22) as a zone deploys them (the example overlay rendered): every object reads
/// strictly as the Kubernetes client's model of its kind (an unknown or misspelt field fails), and our own rules hold:
/// every process the platform runs has a Deployment whose containers have probes on /alive and /health, requests and
/// limits, a non-root user and a read-only root filesystem; each has a Service, a disruption budget and a CPU autoscaler;
/// each database a migration Job; every ConfigMap referenced is in the overlay and every secret is one docs/deploy.md
/// tells the operator to create. No cluster runs here: this is what can be checked without one.
/// </summary>
public sealed class ManifestTests
{
    private static readonly string Root = Repository.Root;

    /// <summary>The secrets the operator creates (docs/deploy.md), with their keys.</summary>
    private static readonly Dictionary<string, string[]> ExternalSecrets = new()
    {
        ["talent-databases"] = ["identity", "catalogue", "applications", "feedback", "matching", "notifications", "exchange", "portal"],
        ["talent-broker"] = ["url"],
        ["talent-identity"] = ["dashboard-client-secret"],
    };

    private static readonly Lazy<List<object>> Objects = new(() =>
        [.. Kustomization.Render(Path.Combine(Root, "deploy/k8s/overlays/zone-example")).Select(o => KubernetesYaml.LoadAllFromString(Kustomization.Text(o), strict: true).Single())]);

    [Fact]
    public void The_zone_overlay_renders_objects_that_each_read_strictly_as_the_kubernetes_model_of_their_kind()
    {
        var kinds = Objects.Value.GroupBy(o => o.GetType()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(9, kinds[typeof(V1Deployment)]);
        Assert.Equal(9, kinds[typeof(V1Service)]);
        Assert.Equal(9, kinds[typeof(V1PodDisruptionBudget)]);
        Assert.Equal(9, kinds[typeof(V2HorizontalPodAutoscaler)]);
        Assert.Equal(8, kinds[typeof(V1Job)]);
        Assert.All(Objects.Value, o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o));
        Assert.All(Objects.Value.Cast<IKubernetesObject<V1ObjectMeta>>().Where(o => o is not V1Namespace), o => Assert.Equal("talent", o.Metadata.NamespaceProperty));

        // Strict reading is what makes this a schema check: a misspelt field is refused, not ignored.
        var deployment = Kustomization.Text(Kustomization.Render(Path.Combine(Root, "deploy/k8s/overlays/zone-example")).First(o => o["kind"].ToString() == "Deployment"));
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(deployment.Replace("readinessProbe:", "readynessProbe:", StringComparison.Ordinal), strict: true));
    }

    [Fact]
    public void Every_process_of_the_platform_has_a_deployment_whose_containers_have_probes_limits_a_non_root_user_and_a_read_only_root_filesystem()
    {
        var deployments = Of<V1Deployment>().ToDictionary(d => d.Metadata.Name);
        // Every service project (the shared libraries and the demonstration stand-in aside) and the gateway.
        var processes = Directory.GetDirectories(Path.Combine(Root, "services"))
            .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0).Select(Path.GetFileName)
            .Where(n => n is not ("shared" or "municipal-standin")).Append("gateway").Order();
        Assert.Equal(processes, deployments.Keys.Order());

        foreach (var (name, deployment) in deployments)
        {
            var pod = deployment.Spec.Template.Spec;
            Assert.False(pod.AutomountServiceAccountToken ?? true, name);
            Assert.Equal("RuntimeDefault", pod.SecurityContext?.SeccompProfile?.Type);
            var container = Assert.Single(pod.Containers);
            Assert.Contains(container.Ports, p => p.Name == "http");
            Assert.Equal(("/alive", "http"), (container.StartupProbe?.HttpGet?.Path, container.StartupProbe?.HttpGet?.Port.Value));
            Assert.Equal(("/alive", "http"), (container.LivenessProbe?.HttpGet?.Path, container.LivenessProbe?.HttpGet?.Port.Value));
            Assert.Equal(("/health", "http"), (container.ReadinessProbe?.HttpGet?.Path, container.ReadinessProbe?.HttpGet?.Port.Value));
            AssertHardened(name, pod, container);

            // The Dapr path where it is chosen: the sidecar annotated in, and the service told where it is.
            var annotations = deployment.Spec.Template.Metadata.Annotations ?? new Dictionary<string, string>();
            var daprEndpoint = container.Env?.Any(e => e.Name.EndsWith("__DaprGrpcEndpoint", StringComparison.Ordinal)) ?? false;
            Assert.Equal(daprEndpoint, annotations.TryGetValue("dapr.io/enabled", out var dapr) && dapr == "true");
            if (daprEndpoint)
            {
                Assert.Equal(name, annotations["dapr.io/app-id"]);
            }
        }
    }

    [Fact]
    public void Each_deployment_has_a_service_a_disruption_budget_and_a_cpu_autoscaler_and_each_database_a_migration_job_run_once()
    {
        var jobs = Of<V1Job>().ToDictionary(j => j.Metadata.Name);
        foreach (var deployment in Of<V1Deployment>())
        {
            var name = deployment.Metadata.Name;
            var labels = deployment.Spec.Template.Metadata.Labels;
            var service = Assert.Single(Of<V1Service>(), s => s.Spec.Selector.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value));
            Assert.All(service.Spec.Ports, p => Assert.Contains(deployment.Spec.Template.Spec.Containers[0].Ports, c => c.Name == p.TargetPort.Value));
            var budget = Assert.Single(Of<V1PodDisruptionBudget>(), b => b.Spec.Selector.MatchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value));
            Assert.Equal("1", budget.Spec.MinAvailable?.Value);
            var autoscaler = Assert.Single(Of<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef is { Kind: "Deployment" } target && target.Name == name);
            Assert.InRange(autoscaler.Spec.MinReplicas ?? 1, 2, autoscaler.Spec.MaxReplicas);
            Assert.Contains(autoscaler.Spec.Metrics, m => m.Resource?.Name == "cpu" && m.Resource.Target.AverageUtilization is > 0 and <= 90);

            // A service with a database has a Job that migrates it, with the same connection, and does nothing else.
            var database = deployment.Spec.Template.Spec.Containers[0].Env?.SingleOrDefault(e => e.Name == $"ConnectionStrings__{name}");
            if (database is null)
            {
                Assert.DoesNotContain($"{name}-migrate", jobs.Keys);
                continue;
            }

            var job = jobs[$"{name}-migrate"];
            Assert.Equal("migration", job.Metadata.Labels["app.kubernetes.io/component"]);
            Assert.NotEqual("Always", job.Spec.Template.Spec.RestartPolicy);
            var migrate = Assert.Single(job.Spec.Template.Spec.Containers);
            Assert.Equal(deployment.Spec.Template.Spec.Containers[0].Image, migrate.Image);
            Assert.Contains(migrate.Env, e => e is { Name: "Database__MigrateOnly", Value: "true" });
            Assert.Contains(migrate.Env, e => e.Name == database.Name && e.ValueFrom?.SecretKeyRef?.Key == database.ValueFrom.SecretKeyRef.Key);
            AssertHardened(job.Metadata.Name, job.Spec.Template.Spec, migrate);
        }

        // The services themselves never migrate: the Jobs do, once, before them.
        var settings = Assert.Single(Of<V1ConfigMap>(), c => c.Metadata.Name == "talent-settings");
        Assert.Equal("false", settings.Data["Database__MigrateOnStart"]);
    }

    [Fact]
    public void Every_config_map_referenced_is_in_the_overlay_and_every_secret_is_one_the_deployment_guide_creates()
    {
        var configMaps = Of<V1ConfigMap>().Select(c => c.Metadata.Name).ToHashSet();
        var guide = File.ReadAllText(Path.Combine(Root, "docs/deploy.md"));
        var containers = Of<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers).Concat(Of<V1Job>().SelectMany(j => j.Spec.Template.Spec.Containers)).ToList();
        foreach (var container in containers)
        {
            Assert.All(container.EnvFrom ?? [], from => Assert.Contains(from.ConfigMapRef.Name, configMaps));
            foreach (var secret in (container.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>())
            {
                Assert.Contains(secret.Key, ExternalSecrets.GetValueOrDefault(secret.Name) ?? []);
            }
        }

        Assert.All(ExternalSecrets, secret => Assert.Contains($"kubectl -n talent create secret generic {secret.Key}", guide, StringComparison.Ordinal));
        var ingress = Assert.Single(Of<V1Ingress>());
        Assert.All(ingress.Spec.Rules.SelectMany(r => r.Http.Paths), p => Assert.Contains(Of<V1Service>(), s => s.Metadata.Name == p.Backend.Service.Name));
    }

    private static void AssertHardened(string name, V1PodSpec pod, V1Container container)
    {
        Assert.True(container.SecurityContext?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot, $"{name}: runAsNonRoot");
        Assert.True(container.SecurityContext?.ReadOnlyRootFilesystem, $"{name}: readOnlyRootFilesystem");
        Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{name}: allowPrivilegeEscalation");
        Assert.Contains("ALL", container.SecurityContext?.Capabilities?.Drop ?? []);
        foreach (var resource in new[] { "cpu", "memory" })
        {
            Assert.True(container.Resources?.Requests?.ContainsKey(resource), $"{name}: requests.{resource}");
            Assert.True(container.Resources?.Limits?.ContainsKey(resource), $"{name}: limits.{resource}");
        }

        Assert.Matches(@"^[a-z0-9.-]+\.[a-z]+/talent/[a-z-]+:[0-9][0-9A-Za-z.-]*$", container.Image); // a registry, a pinned version
        // A read-only root: the one writable place is /tmp, a size-limited emptyDir.
        Assert.Contains(container.VolumeMounts, m => m.MountPath == "/tmp" && pod.Volumes.Any(v => v.Name == m.Name && v.EmptyDir?.SizeLimit is not null));
    }

    private static IEnumerable<T> Of<T>() => Objects.Value.OfType<T>();
}
