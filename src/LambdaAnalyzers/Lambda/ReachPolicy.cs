namespace LambdaAnalyzers.Lambda;

/// <summary>
/// Which rules report in code a handler reaches through calls (<see cref="ReachIndex"/>), as data: a rule asks the
/// model for a block's scope with its ID, and sees reached code only when this says so.
/// </summary>
internal static class ReachPolicy
{
    public static bool ReportsInReachedCode(string ruleId) => ruleId switch
    {
        // A client created, work left running, a wait or a polling loop one call away is the same defect. In reached
        // code LMB0004 reports Thread.Sleep and waits on work the method itself started only.
        RuleIdentifiers.ClientCreatedPerInvocation => true,
        RuleIdentifiers.WorkLeftRunning => true,
        RuleIdentifiers.BlockingWait => true,
        RuleIdentifiers.PollingLoopWithoutDeadline => true,

        // A wait at least as long as the function's timeout, in a helper, is cut short just the same; the functions that
        // reach the helper give the timeout.
        RuleIdentifiers.WaitBeyondTimeout => true,

        // A synchronous invocation in a helper keeps both functions running just the same.
        RuleIdentifiers.SynchronousInvoke => true,

        // A file a helper creates and neither deletes nor hands on (returns, stores, passes to a method) stays in /tmp
        // just the same (FileCleanup.LeavesTheMethod).
        RuleIdentifiers.TmpFileNotDeleted => true,

        // A record dropped in a method whose response the handler returns is dropped just the same; a method whose
        // result the handler does not return is not its response (PartialBatchHandler).
        RuleIdentifiers.BatchRecordNotReported => true,

        // LMB0005 reports a shared HttpClient changed in reached code, and a static member written there with what a
        // per-invocation call passes (ReachedArguments); collections that grow there it leaves to the handler's code.
        RuleIdentifiers.InvocationDataKept => true,

        // Not followed: a callee that takes a token and drops it is CA2016's case (LMB0009); LMB0003 is about handler
        // signatures, and LMB0006, LMB0007 and LMB0016 report in any code.
        _ => false,
    };
}
