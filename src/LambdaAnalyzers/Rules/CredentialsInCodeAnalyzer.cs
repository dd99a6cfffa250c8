using System.Collections.Immutable;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LMB0016: an AWS access key or secret key written into the code: given to <c>BasicAWSCredentials</c>,
/// <c>SessionAWSCredentials</c> or an SDK client's key constructor, or set as <c>AWS_ACCESS_KEY_ID</c> or
/// <c>AWS_SECRET_ACCESS_KEY</c>. Reported on the argument that holds the key. Applies to all code of a Lambda project
/// that is not a test project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialsInCodeAnalyzer : DiagnosticAnalyzer
{
    private const string Title = "Take credentials from the execution role";
    private const string Description =
        "A Lambda function gets temporary credentials from its execution role, and the SDK's default credential chain finds them " +
        "without code. Keys written into the code ship in the deployment package and in source control, and do not rotate; " +
        "remove the credentials argument and grant the permissions to the execution role.";

    internal static readonly DiagnosticDescriptor Rule = new RuleDescriptors(
        RuleIdentifiers.CredentialsInCode, Title, RuleCategories.Security, DiagnosticSeverity.Warning, Description)
        .Create("Credentials are written into the code; a Lambda function gets its credentials from its execution role");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static compilationContext =>
        {
            // A test project runs on a developer machine or in CI, with test keys for local emulators.
            if (LambdaModel.TryGet(compilationContext) is not { } model || model.Handlers.Tests.IsTestProject)
            {
                return;
            }

            var credentials = CredentialsInCode.Get(compilationContext.Compilation);
            compilationContext.RegisterOperationAction(
                context => Report(context, credentials.FindCredential((IObjectCreationOperation)context.Operation)),
                OperationKind.ObjectCreation);
            compilationContext.RegisterOperationAction(
                context => Report(context, credentials.FindCredential((IInvocationOperation)context.Operation)),
                OperationKind.Invocation);
        });
    }

    private static void Report(OperationAnalysisContext context, IArgumentOperation? credential)
    {
        if (credential is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, credential.Value.Syntax.GetLocation()));
        }
    }
}
