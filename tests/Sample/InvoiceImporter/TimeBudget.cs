using Amazon.Lambda.Core;

namespace InvoiceImporter;

/// <summary>
/// A deadline for the AWS calls of one invocation. <see cref="ILambdaContext"/> carries no CancellationToken, so it is
/// derived from <see cref="ILambdaContext.RemainingTime"/>, leaving time to log and return before Lambda times out.
/// </summary>
internal static class TimeBudget
{
    private static readonly TimeSpan s_reserve = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_minimum = TimeSpan.FromMilliseconds(500);

    public static CancellationTokenSource Start(ILambdaContext context)
    {
        // RemainingTime is zero under the local test tool and can be tiny near the timeout: never go below the minimum.
        var budget = context.RemainingTime - s_reserve;
        return new CancellationTokenSource(budget > s_minimum ? budget : s_minimum);
    }
}
