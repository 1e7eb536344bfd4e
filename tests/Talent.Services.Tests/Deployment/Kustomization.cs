using YamlDotNet.RepresentationModel;

namespace Talent.Services.Tests.Deployment;

/// <summary>
/// Renders a Kustomize overlay as <c>kubectl kustomize</c> does, for the features deploy/k8s uses and no others: resources
/// (files and folders), namespace, labels (metadata only), images (new name and tag) and ConfigMap generators without a
/// name hash. Neither kustomize nor kubectl can be installed here from the registries these machines reach; a
/// kustomization using anything else fails here, so the test never checks less than is deployed. (Compared once with
/// <c>kubectl kustomize deploy/k8s/overlays/zone-example</c> where kubectl was at hand: the same 48 objects.)
/// </summary>
internal static class Kustomization
{
    private static readonly HashSet<string> Supported = ["apiVersion", "kind", "resources", "namespace", "labels", "images", "generatorOptions", "configMapGenerator"];

    public static List<YamlMappingNode> Render(string directory)
    {
        var kustomization = LoadAll(Path.Combine(directory, "kustomization.yaml")).Single();
        var unsupported = kustomization.Children.Keys.Select(k => k.ToString()).Where(k => !Supported.Contains(k)).ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException($"{directory}: the test's renderer does not know {string.Join(", ", unsupported)}; teach it before using them.");
        }

        var objects = new List<YamlMappingNode>();
        foreach (var resource in Sequence(kustomization, "resources"))
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource.ToString()));
            objects.AddRange(Directory.Exists(path) ? Render(path) : LoadAll(path));
        }

        foreach (var generator in Sequence(kustomization, "configMapGenerator").Cast<YamlMappingNode>())
        {
            if (Scalar(kustomization, "generatorOptions", "disableNameSuffixHash") != "true")
            {
                throw new NotSupportedException($"{directory}: generated ConfigMaps must have generatorOptions.disableNameSuffixHash: true here.");
            }

            var data = new YamlMappingNode();
            foreach (var literal in Sequence(generator, "literals").Select(l => l.ToString()))
            {
                var at = literal.IndexOf('=', StringComparison.Ordinal);
                data.Add(literal[..at], new YamlScalarNode(literal[(at + 1)..]) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
            }

            objects.Add(new YamlMappingNode(
                "apiVersion", "v1", "kind", "ConfigMap",
                "metadata", new YamlMappingNode("name", Scalar(generator, "name")!),
                "data", data));
        }

        foreach (var labels in Sequence(kustomization, "labels").Cast<YamlMappingNode>())
        {
            foreach (var item in objects)
            {
                var own = Child(Child(item, "metadata"), "labels");
                foreach (var (key, value) in ((YamlMappingNode)labels["pairs"]).Children)
                {
                    own.Children[key] = value;
                }
            }
        }

        if (Scalar(kustomization, "namespace") is { } ns)
        {
            foreach (var item in objects.Where(o => Scalar(o, "kind") != "Namespace"))
            {
                Child(item, "metadata").Children[new YamlScalarNode("namespace")] = new YamlScalarNode(ns);
            }
        }

        foreach (var image in Sequence(kustomization, "images").Cast<YamlMappingNode>())
        {
            foreach (var container in objects.SelectMany(Containers))
            {
                var current = Scalar(container, "image")!;
                if (current.Split('@')[0].Split(':')[0] == Scalar(image, "name"))
                {
                    container.Children[new YamlScalarNode("image")] = new YamlScalarNode($"{Scalar(image, "newName") ?? Scalar(image, "name")}:{Scalar(image, "newTag")}");
                }
            }
        }

        return objects;
    }

    /// <summary>One object as YAML, for the Kubernetes client's (strict) reading.</summary>
    public static string Text(YamlMappingNode item)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(item)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static IEnumerable<YamlMappingNode> Containers(YamlMappingNode item)
    {
        if (Scalar(item, "kind") is not ("Deployment" or "Job" or "StatefulSet" or "DaemonSet"))
        {
            return [];
        }

        var pod = Child(Child(Child(item, "spec"), "template"), "spec");
        return Sequence(pod, "containers").Concat(Sequence(pod, "initContainers")).Cast<YamlMappingNode>();
    }

    private static List<YamlMappingNode> LoadAll(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence ? sequence.Children : [];

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current!))
            {
                return null;
            }
        }

        return (current as YamlScalarNode)?.Value;
    }

    private static YamlMappingNode Child(YamlMappingNode node, string key)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var child))
        {
            node.Add(key, child = new YamlMappingNode());
        }

        return (YamlMappingNode)child;
    }
}
