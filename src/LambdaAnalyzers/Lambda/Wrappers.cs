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
    public static IOperation Conversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>Conversions of any kind and parentheses.</summary>
    public static IOperation ConversionsAndParentheses(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>Implicit conversions and parentheses: an explicit cast may make another value.</summary>
    public static IOperation ImplicitConversionsAndParentheses(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// Conversions, parentheses and <c>new Func&lt;...&gt;(...)</c> around a delegate, leaving the lambda, method
    /// reference or local reference that supplies the code.
    /// </summary>
    public static IOperation Delegate(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
