using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// AWS credentials written into the code, resolved once per compilation: which creations and calls take an access key
/// or a secret key (<c>BasicAWSCredentials</c>, <c>SessionAWSCredentials</c>, the key constructors of the SDK's
/// service clients, <c>Environment.SetEnvironmentVariable</c> of the SDK's key variables), and which constants look
/// like real keys rather than placeholders.
/// </summary>
internal sealed class CredentialsInCode
{
    /// <summary>The environment variables from which the SDK's default chain reads a key pair.</summary>
    public const string AccessKeyVariable = "AWS_ACCESS_KEY_ID";

    public const string SecretKeyVariable = "AWS_SECRET_ACCESS_KEY";

    private const string SetEnvironmentVariable = "SetEnvironmentVariable";

    // An access key ID: AKIA (long-term) or ASIA (temporary), then 16 characters from A-Z and 0-9.
    private const int AccessKeyIdLength = 20;
    private const int SecretKeyLength = 40;

    private static readonly ConditionalWeakTable<Compilation, CredentialsInCode> s_models = new();

    private readonly INamedTypeSymbol? _basicCredentials;
    private readonly INamedTypeSymbol? _sessionCredentials;
    private readonly INamedTypeSymbol? _serviceClient;
    private readonly INamedTypeSymbol? _environment;

    private CredentialsInCode(Compilation compilation)
    {
        var types = KnownTypes.Get(compilation);
        _basicCredentials = types.Find(KnownTypeNames.AmazonRuntimeBasicAWSCredentials, KnownTypeNames.AwsSdkCoreAssemblyName);
        _sessionCredentials = types.Find(KnownTypeNames.AmazonRuntimeSessionAWSCredentials, KnownTypeNames.AwsSdkCoreAssemblyName);
        _serviceClient = types.Find(KnownTypeNames.AmazonRuntimeAmazonServiceClient, KnownTypeNames.AwsSdkCoreAssemblyName);
        _environment = types.Find(KnownTypeNames.SystemEnvironment);
    }

    public static CredentialsInCode Get(Compilation compilation) => s_models.GetValue(compilation, static c => new CredentialsInCode(c));

    /// <summary>
    /// The argument of <c>new BasicAWSCredentials(...)</c>, <c>new SessionAWSCredentials(...)</c> or an SDK client's
    /// key constructor that writes a credential into the code: the access key when it is a constant shaped like a key
    /// ID, otherwise the secret key when it is a constant shaped like a secret; null when neither is.
    /// </summary>
    public IArgumentOperation? FindCredential(IObjectCreationOperation creation)
    {
        // By parameter names first: most creations of a project take no key, and the names cost no symbol comparison.
        if (creation.Constructor is not { Parameters.Length: >= 2 } constructor || !TakesKeys(constructor))
        {
            return null;
        }

        var type = constructor.ContainingType;
        if (!type.IsType(_basicCredentials) && !type.IsType(_sessionCredentials) && !type.InheritsFromOrEquals(_serviceClient))
        {
            return null;
        }

        IArgumentOperation? secret = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.IsImplicit || argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (IsAccessKeyParameter(parameter.Name) && ConstantText(argument.Value) is { } key && IsAccessKeyId(key))
            {
                return argument;
            }

            if (secret is null && IsSecretKeyParameter(parameter.Name) && ConstantText(argument.Value) is { } text && IsSecretKey(text))
            {
                secret = argument;
            }
        }

        return secret;
    }

    /// <summary>
    /// The value argument of <c>Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", ...)</c> or
    /// <c>("AWS_SECRET_ACCESS_KEY", ...)</c> when it is a constant shaped like the key that variable holds; null otherwise.
    /// </summary>
    public IArgumentOperation? FindCredential(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name != SetEnvironmentVariable || !method.ContainingType.IsType(_environment))
        {
            return null;
        }

        string? variable = null;
        IArgumentOperation? value = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Ordinal)
            {
                case 0:
                    variable = ConstantText(argument.Value);
                    break;
                case 1:
                    value = argument;
                    break;
            }
        }

        if (value is null || value.IsImplicit || ConstantText(value.Value) is not { } text)
        {
            return null;
        }

        return variable switch
        {
            AccessKeyVariable when IsAccessKeyId(text) => value,
            SecretKeyVariable when IsSecretKey(text) => value,
            _ => null,
        };
    }

    /// <summary><c>AKIA</c> or <c>ASIA</c> followed by 16 characters from A-Z and 0-9.</summary>
    public static bool IsAccessKeyId(string text)
    {
        if (text.Length != AccessKeyIdLength || !(text.StartsWith("AKIA", System.StringComparison.Ordinal) || text.StartsWith("ASIA", System.StringComparison.Ordinal)))
        {
            return false;
        }

        for (var i = 4; i < text.Length; i++)
        {
            if (text[i] is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// 40 characters of a secret key's alphabet (A-Z, a-z, 0-9, '/' and '+') that mix at least two of upper case, lower
    /// case and digits, as a generated key does; a placeholder of one repeated character, or of one case only, does not.
    /// </summary>
    public static bool IsSecretKey(string text)
    {
        if (text.Length != SecretKeyLength)
        {
            return false;
        }

        bool upper = false, lower = false, digit = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case >= 'A' and <= 'Z':
                    upper = true;
                    break;
                case >= 'a' and <= 'z':
                    lower = true;
                    break;
                case >= '0' and <= '9':
                    digit = true;
                    break;
                case '/' or '+':
                    break;
                default:
                    return false;
            }
        }

        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) >= 2;
    }

    private static bool TakesKeys(IMethodSymbol constructor)
    {
        foreach (var parameter in constructor.Parameters)
        {
            if (IsAccessKeyParameter(parameter.Name) || IsSecretKeyParameter(parameter.Name))
            {
                return true;
            }
        }

        return false;
    }

    // The parameter names of the SDK: awsAccessKeyId/awsSecretAccessKey on clients and SessionAWSCredentials,
    // accessKey/secretKey on BasicAWSCredentials.
    private static bool IsAccessKeyParameter(string name) => name is "awsAccessKeyId" or "accessKey" or "accessKeyId";

    private static bool IsSecretKeyParameter(string name) => name is "awsSecretAccessKey" or "secretKey" or "secretAccessKey";

    /// <summary>
    /// The text of a string constant: a literal, a <c>const</c> field or local, an interpolation or concatenation of
    /// constants, or a local assigned once with one of those.
    /// </summary>
    private static string? ConstantText(IOperation value)
    {
        value = Wrappers.ConversionsAndParentheses(value);
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        // The member's locals are gathered only for a local that is not itself a constant.
        if (value is ILocalReferenceOperation local
            && LocalAssignments.ForBlockOf(value).GetSingleAssignment(local.Local) is { } assigned
            && Wrappers.ConversionsAndParentheses(assigned).ConstantValue is { HasValue: true, Value: string assignedText })
        {
            return assignedText;
        }

        return null;
    }
}
