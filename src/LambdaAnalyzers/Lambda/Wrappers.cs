using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The operations that wrap a value without changing what it is, stripped in one place. The variants differ on
/// purpose and each question names the one it means: a path or a delegate survives any conversion, while which member
/// a write stores into is only kept through implicit ones.
/// </summary>
internal static class Wrappers
{
    /// <summary>Conversions of any kind.</summary>
    public static IOperation Conversions(IOperation operation) => Strip(operation, explicitConversions: true, parentheses: false, delegates: false);

    /// <summary>Conversions of any kind and parentheses.</summary>
    public static IOperation ConversionsAndParentheses(IOperation operation) => Strip(operation, explicitConversions: true, parentheses: true, delegates: false);

    /// <summary>Implicit conversions and parentheses: an explicit cast may make another value.</summary>
    public static IOperation ImplicitConversionsAndParentheses(IOperation operation) =>
        Strip(operation, explicitConversions: false, parentheses: true, delegates: false);

    /// <summary>
    /// Conversions, parentheses and <c>new Func&lt;...&gt;(...)</c> around a delegate, leaving the lambda, method
    /// reference or local reference that supplies the code.
    /// </summary>
    public static IOperation Delegate(IOperation operation) => Strip(operation, explicitConversions: true, parentheses: true, delegates: true);

    private static IOperation Strip(IOperation operation, bool explicitConversions, bool parentheses, bool delegates)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion when explicitConversions || conversion.IsImplicit:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized when parentheses:
                    operation = parenthesized.Operand;
                    break;
                case IDelegateCreationOperation creation when delegates:
                    operation = creation.Target;
                    break;
                default:
                    return operation;
            }
        }
    }
}
