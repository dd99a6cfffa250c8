namespace LambdaAnalyzers.Lambda;

/// <summary>Where a function's limits are written.</summary>
internal enum FunctionLimitsSource
{
    /// <summary><c>aws-lambda-tools-defaults.json</c>: a template that declares the same function wins over it.</summary>
    ToolsDefaults,

    /// <summary>A CloudFormation or SAM template (<c>serverless.template</c>, <c>template.yaml</c>).</summary>
    Template,

    /// <summary>The Serverless Framework's <c>serverless.yml</c>.</summary>
    Serverless,

    /// <summary>A <c>[LambdaFunction]</c> attribute of Amazon.Lambda.Annotations, with no template declaring its function.</summary>
    Attribute,
}
