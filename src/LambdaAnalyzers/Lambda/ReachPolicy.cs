namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Which rules report in code a handler reaches through calls (<see cref="ReachIndex"/>), as data: a rule asks the
/// model for a block's scope with its ID, and sees reached code only when this says so.
/// </summary>
internal static class ReachPolicy
{
    public static bool ReportsInReachedCode(string ruleId) => ruleId switch
    {
        // A client created one call away is the same defect.
        RuleIdentifiers.ClientCreatedPerInvocation => true,

        // Not followed: a callee that takes a token and drops it is CA2016's case (LMB0009); LMB0005 and LMB0008 need
        // to know what callers pass and keep, which the index does not track yet; LMB0003 is about handler
        // signatures and LMB0007 reports in any code.
        _ => false,
    };
}
