using System.Collections.Generic;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The functions of a CloudFormation or SAM template, as every reader of a template sees them: each
/// <c>AWS::Serverless::Function</c> and <c>AWS::Lambda::Function</c> resource, its properties, the defaults that apply
/// to it (SAM's <c>Globals.Function</c>, for SAM's own resource type only), and its handler and runtime as written. A
/// container image (<c>PackageType: Image</c>) takes its handler from <c>ImageConfig.Command[0]</c> (which overrides
/// the image's <c>CMD</c>) and has no runtime; without a command its handler is in the image, unknown here.
/// </summary>
internal readonly struct TemplateFunction
{
    private TemplateFunction(string name, DeploymentNode? properties, DeploymentNode? defaults, DeploymentNode? handler, DeploymentNode? runtime, bool isImage)
    {
        Name = name;
        Properties = properties;
        Defaults = defaults;
        Handler = handler;
        Runtime = runtime;
        IsImage = isImage;
    }

    /// <summary>The resource's logical id.</summary>
    public string Name { get; }

    public DeploymentNode? Properties { get; }

    /// <summary>SAM's <c>Globals.Function</c> for an <c>AWS::Serverless::Function</c>; null for other resources.</summary>
    public DeploymentNode? Defaults { get; }

    /// <summary>The handler value: the function's own (even an unknown one), then the defaults'; an image's command.</summary>
    public DeploymentNode? Handler { get; }

    /// <summary>The runtime value, the function's own then the defaults'; null for an image.</summary>
    public DeploymentNode? Runtime { get; }

    public bool IsImage { get; }

    /// <summary>A property of the function, or of its defaults when it has none of its own.</summary>
    public DeploymentNode? Get(string property) => Properties?[property] ?? Defaults?[property];

    /// <summary>The functions of a template's <c>Resources</c>, in order; none when it has no resources.</summary>
    public static IEnumerable<TemplateFunction> Read(DeploymentNode root)
    {
        if (root["Resources"]?.Mapping is not { } resources)
        {
            yield break;
        }

        var globals = root["Globals"]?["Function"];
        foreach (var resource in resources)
        {
            var type = resource.Value["Type"]?.Scalar;
            if (type is not ("AWS::Serverless::Function" or "AWS::Lambda::Function"))
            {
                continue;
            }

            var defaults = type == "AWS::Serverless::Function" ? globals : null;
            var properties = resource.Value["Properties"];
            if (properties?["PackageType"]?.Scalar == "Image")
            {
                var command = properties?["ImageConfig"]?["Command"]?.Sequence;
                var handler = command is { Count: > 0 } ? command[0] : null;
                yield return new TemplateFunction(resource.Key, properties, defaults, handler, runtime: null, isImage: true);
                continue;
            }

            yield return new TemplateFunction(
                resource.Key, properties, defaults, properties?["Handler"] ?? defaults?["Handler"], properties?["Runtime"] ?? defaults?["Runtime"], isImage: false);
        }
    }
}
